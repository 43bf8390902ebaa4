//! The two languages deskcoll speaks. Pure: which one is in force is decided by `config`
//! (through `crate::i18n::resolve`), the words live in `assets/i18n/*.ftl`.

/// Bahasa Indonesia or English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Id,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];

    /// The code written in `ui.language` and `DESKCOLL_LANG`, and in snapshot names.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }

    /// `id` or `en` exactly (any case, spaces around): what `ui.language` accepts.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// A locale as the environment writes it (`id_ID.UTF-8`, `en_US`, `C`): Indonesian when
    /// it starts with `id`, else English.
    pub fn of_locale(s: &str) -> Lang {
        if s.trim().to_ascii_lowercase().starts_with("id") {
            Lang::Id
        } else {
            Lang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_reads_back_from_its_code() {
        assert_eq!(Lang::En.code(), "en");
        assert_eq!(Lang::Id.code(), "id");
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
            assert_eq!(
                Lang::parse(&format!(" {} ", lang.code().to_uppercase())),
                Some(lang)
            );
        }
        assert_eq!(Lang::parse("ms"), None);
        assert_eq!(Lang::of_locale("id_ID.UTF-8"), Lang::Id);
        assert_eq!(Lang::of_locale("en_US"), Lang::En);
        assert_eq!(Lang::of_locale("C"), Lang::En);
    }
}
