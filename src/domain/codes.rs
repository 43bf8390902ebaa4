//! Action and result codes (the company's `master_data` sheet). A default list ships in
//! `assets/codes.csv`; a company's own list replaces it.

/// Actions whose result code the server blanks (they carry none).
pub const ACTIONS_WITHOUT_RESULT: [&str; 2] = ["BPH", "MSG"];
pub const PROMISE_ACTION: &str = "PTP";

use super::lang::Lang;

pub fn action_needs_promise(action: &str) -> bool {
    action.trim().eq_ignore_ascii_case(PROMISE_ACTION)
}

pub fn action_has_result(action: &str) -> bool {
    !ACTIONS_WITHOUT_RESULT
        .iter()
        .any(|a| action.trim().eq_ignore_ascii_case(a))
}

/// Whether `action` needs a promise date: PTP, or the company's code list marks it so.
pub fn needs_promise(codes: &MasterData, action: &str) -> bool {
    action_needs_promise(action) || codes.action(action).is_some_and(|a| a.needs_promise)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionCode {
    pub code: String,
    /// As the list writes it: the shipped list's `Indonesian (English)`.
    pub description: String,
    /// A `DESCRIPTION_EN` column's text, when the list has one ("" otherwise).
    pub description_en: String,
    pub needs_promise: bool,
    /// `DEBTOR_ONLY`: only the debtor or a co-debtor may give this answer (a promise to pay).
    pub debtor_only: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultCode {
    pub action: String,
    pub code: String,
    pub description: String,
    pub description_en: String,
    pub debtor_only: bool,
}

impl ActionCode {
    /// The description in `lang` (see [`describe`]).
    pub fn text(&self, lang: Lang) -> &str {
        describe(&self.description, &self.description_en, lang)
    }
}

impl ResultCode {
    /// The description in `lang` (see [`describe`]).
    pub fn text(&self, lang: Lang) -> &str {
        describe(&self.description, &self.description_en, lang)
    }
}

/// A code's description in `lang`. With a `DESCRIPTION_EN` column (`en` not empty) the
/// description is the Indonesian text and `en` the English one. Without it, a description
/// written `Indonesian (English)` (the shipped list) gives its first part in `id`, the part
/// in parentheses in `en`; any other description is shown as written in both.
pub fn describe<'a>(description: &'a str, en: &'a str, lang: Lang) -> &'a str {
    let en = en.trim();
    if !en.is_empty() {
        return match lang {
            Lang::En => en,
            Lang::Id => description,
        };
    }
    let split = description
        .trim_end()
        .strip_suffix(')')
        .and_then(|d| d.rfind(" (").map(|i| (d[..i].trim_end(), &d[i + 2..])))
        .filter(|(id, en)| !id.is_empty() && !en.is_empty());
    match (split, lang) {
        (Some((_, en)), Lang::En) => en,
        (Some((id, _)), Lang::Id) => id,
        (None, _) => description,
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MasterData {
    pub actions: Vec<ActionCode>,
    pub results: Vec<ResultCode>,
}

const BUILTIN: &str = include_str!("../../assets/codes.csv");

impl MasterData {
    pub fn builtin() -> MasterData {
        MasterData::from_rows(csv_rows(BUILTIN).expect("assets/codes.csv is valid"))
            .expect("assets/codes.csv has the needed columns")
    }

    /// Builds the lists from rows whose first row is a header naming `ACTION_CODE` and
    /// optionally `RESULT_CODE`, a description and whether a promise date is needed. Headers
    /// are matched loosely (case, spaces, underscores), as sheets spell them differently.
    pub fn from_rows(rows: Vec<Vec<String>>) -> Result<MasterData, String> {
        fn norm(h: &str) -> String {
            h.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_uppercase()
        }
        const ACTION_HEADERS: [&str; 2] = ["ACTIONCODE", "ACTION"];
        // Sheets often have title rows above the header: start at the row naming the actions.
        let mut rows = rows
            .into_iter()
            .skip_while(|r| !r.iter().any(|h| ACTION_HEADERS.contains(&norm(h).as_str())));
        let header = rows
            .next()
            .ok_or("no ACTION_CODE column in the code list")?;
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.contains(&norm(h).as_str()))
        };
        let action_col = find(&ACTION_HEADERS).ok_or("no ACTION_CODE column in the code list")?;
        let result_col = find(&["RESULTCODE", "RESULT"]);
        let desc_col = find(&[
            "DESCRIPTION",
            "DESC",
            "KETERANGAN",
            "RESULTDESCRIPTION",
            "RESULTDESC",
        ]);
        let desc_en_col = find(&["DESCRIPTIONEN", "DESCEN", "ENGLISH"]);
        let promise_col = find(&["NEEDSPROMISE", "PROMISE", "NEEDPROMISE", "PTP"]);
        let debtor_col = find(&["DEBTORONLY", "DEBITURONLY", "KONSUMENSAJA"]);
        let yes = |flag: String| {
            matches!(
                flag.to_uppercase().as_str(),
                "Y" | "YES" | "YA" | "1" | "TRUE"
            )
        };
        let mut data = MasterData::default();
        for row in rows {
            let cell = |i: Option<usize>| {
                i.and_then(|i| row.get(i))
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default()
            };
            let action = cell(Some(action_col)).to_uppercase();
            if action.is_empty() {
                continue;
            }
            let result = cell(result_col).to_uppercase();
            let description = cell(desc_col);
            let description_en = cell(desc_en_col);
            let needs_promise = yes(cell(promise_col)) || action_needs_promise(&action);
            let debtor_only = yes(cell(debtor_col));
            let action_debtor_only = debtor_only && result.is_empty();
            match data.actions.iter_mut().find(|a| a.code == action) {
                Some(a) => {
                    a.needs_promise |= needs_promise;
                    a.debtor_only |= action_debtor_only;
                }
                None => data.actions.push(ActionCode {
                    code: action.clone(),
                    description: if result.is_empty() {
                        description.clone()
                    } else {
                        String::new()
                    },
                    description_en: if result.is_empty() {
                        description_en.clone()
                    } else {
                        String::new()
                    },
                    needs_promise,
                    debtor_only: action_debtor_only,
                }),
            }
            if result.is_empty() {
                if let Some(a) = data.actions.iter_mut().find(|a| a.code == action)
                    && a.description.is_empty()
                {
                    a.description = description;
                    a.description_en = description_en;
                }
            } else if !data
                .results
                .iter()
                .any(|r| r.action == action && r.code == result)
            {
                data.results.push(ResultCode {
                    action,
                    code: result,
                    description,
                    description_en,
                    debtor_only,
                });
            }
        }
        if data.actions.is_empty() {
            return Err("the code list has no actions".into());
        }
        Ok(data)
    }

    /// Whether only the debtor (or a co-debtor) may give this answer: the action's row or
    /// the result's row says `DEBTOR_ONLY` Y.
    pub fn debtor_only(&self, action: &str, result: &str) -> bool {
        let result = result.trim();
        self.action(action).is_some_and(|a| a.debtor_only)
            || self
                .results_for(action)
                .any(|r| r.debtor_only && r.code.eq_ignore_ascii_case(result))
    }

    pub fn action(&self, code: &str) -> Option<&ActionCode> {
        let code = code.trim();
        self.actions
            .iter()
            .find(|a| a.code.eq_ignore_ascii_case(code))
    }

    /// Result codes valid for an action.
    pub fn results_for<'a>(&'a self, action: &'a str) -> impl Iterator<Item = &'a ResultCode> + 'a {
        let action = action.trim();
        self.results
            .iter()
            .filter(move |r| r.action.eq_ignore_ascii_case(action))
    }
}

/// Parses CSV text into rows (pure: the text comes from wherever the caller read it).
pub fn csv_rows(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.map(|rec| rec.iter().map(str::to_string).collect())
                .map_err(|e| format!("CSV: {e}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list_has_the_known_actions() {
        let m = MasterData::builtin();
        for a in ["PTP", "BPH", "MSG"] {
            assert!(m.action(a).is_some(), "{a}");
        }
        assert!(m.action("ptp").unwrap().needs_promise);
        assert!(!m.action("MSG").unwrap().needs_promise);
        assert_eq!(m.results_for("BPH").count(), 0);
        assert!(m.results_for("PTP").any(|r| r.code == "PTP01"));
    }

    #[test]
    fn headers_are_found_by_name_in_any_order() {
        let rows = csv_rows("MASTER DATA,,,\nNo,Result Code,Action_Code,Keterangan\n1,ptp01,ptp,Janji\n2,NCT01,NCT,Tidak diangkat\n").unwrap();
        let m = MasterData::from_rows(rows).unwrap();
        assert_eq!(m.actions.len(), 2);
        assert_eq!(
            m.results_for("NCT").next().unwrap().description,
            "Tidak diangkat"
        );
        assert!(MasterData::from_rows(csv_rows("A,B\n1,2\n").unwrap()).is_err());
    }

    #[test]
    fn descriptions_in_either_language() {
        let m = MasterData::builtin();
        let ptp01 = m.results_for("PTP").find(|r| r.code == "PTP01").unwrap();
        assert_eq!(ptp01.text(Lang::Id), "Janji bayar penuh");
        assert_eq!(ptp01.text(Lang::En), "will pay in full");
        let msg = m.action("MSG").unwrap();
        assert_eq!(msg.text(Lang::Id), "Titip pesan");
        assert_eq!(msg.text(Lang::En), "message left; no result code");
        // Every shipped description has both parts.
        for d in m
            .actions
            .iter()
            .map(|a| a.text(Lang::En))
            .chain(m.results.iter().map(|r| r.text(Lang::En)))
        {
            assert!(!d.is_empty() && !d.contains('('), "{d}");
        }
        // A company's list with an English column: each column as written.
        let rows = csv_rows(
            "ACTION_CODE,RESULT_CODE,DESCRIPTION,DESCRIPTION_EN\nPTP,PTP09,Janji bayar (PTP),Promise (PTP)\nKNJ,,Kunjungan,\n",
        )
        .unwrap();
        let m = MasterData::from_rows(rows).unwrap();
        let r = m.results_for("PTP").next().unwrap();
        assert_eq!(r.text(Lang::Id), "Janji bayar (PTP)");
        assert_eq!(r.text(Lang::En), "Promise (PTP)");
        // Nothing to split: the same words in both.
        let k = m.action("KNJ").unwrap();
        assert_eq!(
            (k.text(Lang::Id), k.text(Lang::En)),
            ("Kunjungan", "Kunjungan")
        );
    }
}
