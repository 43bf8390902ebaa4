//! Which of Indonesia's three time zones a customer lives in, read from the address.
//! Every province lies in one zone, so finding the province, or a regency or city (which
//! names its province), is enough.

use super::codes::csv_rows;
use chrono::FixedOffset;
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    /// Waktu Indonesia Barat, UTC+7.
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    Wit,
}

impl Zone {
    /// The three zones, west to east; `index` is a zone's place here.
    pub const ALL: [Zone; 3] = [Zone::Wib, Zone::Wita, Zone::Wit];

    /// The zone's place in `ALL` (a table of something per zone, e.g. calling windows).
    pub fn index(self) -> usize {
        match self {
            Zone::Wib => 0,
            Zone::Wita => 1,
            Zone::Wit => 2,
        }
    }

    pub fn parse(s: &str) -> Option<Zone> {
        match s.trim().to_ascii_uppercase().as_str() {
            "WIB" => Some(Zone::Wib),
            "WITA" => Some(Zone::Wita),
            "WIT" => Some(Zone::Wit),
            _ => None,
        }
    }

    /// The Indonesian zone of a UTC offset, if it is one.
    pub fn of_offset(offset: FixedOffset) -> Option<Zone> {
        [Zone::Wib, Zone::Wita, Zone::Wit]
            .into_iter()
            .find(|z| z.offset() == offset)
    }

    /// How a clock names its zone: WIB, WITA, WIT, else the offset ("UTC+5:30").
    pub fn label(offset: FixedOffset) -> String {
        if let Some(z) = Zone::of_offset(offset) {
            return z.name().to_string();
        }
        let secs = offset.local_minus_utc();
        let sign = if secs < 0 { '-' } else { '+' };
        let (h, m) = (secs.abs() / 3600, secs.abs() % 3600 / 60);
        if m == 0 {
            format!("UTC{sign}{h}")
        } else {
            format!("UTC{sign}{h}:{m:02}")
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Zone::Wib => "WIB",
            Zone::Wita => "WITA",
            Zone::Wit => "WIT",
        }
    }

    pub fn offset(self) -> FixedOffset {
        let hours = match self {
            Zone::Wib => 7,
            Zone::Wita => 8,
            Zone::Wit => 9,
        };
        FixedOffset::east_opt(hours * 3600).expect("valid offset")
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a zone came from: the address, the branch's address, or nothing (WIB assumed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneSource {
    Address,
    Branch,
    Default,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneGuess {
    pub zone: Zone,
    pub source: ZoneSource,
    /// The place that decided it ("MANADO", "SULAWESI SELATAN"); shared, as a big queue
    /// holds one per task.
    pub place: std::sync::Arc<str>,
}

impl ZoneGuess {
    pub fn is_guess(&self) -> bool {
        self.source != ZoneSource::Address
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    /// A name without "KOTA"/"KAB." (weakest: it may also be a street's name).
    Bare,
    /// "KOTA MANADO", "KAB. MOROWALI".
    Prefixed,
    Province,
}

#[derive(Debug, Clone)]
struct Entry {
    tokens: Vec<String>,
    zone: Option<Zone>,
    kind: Kind,
    name: std::sync::Arc<str>,
}

/// Provinces' other spellings in addresses: abbreviations every Indonesian reads.
const PROVINCE_ALIASES: &[(&str, &[&str])] = &[
    ("Daerah Khusus Ibukota Jakarta", &["DKI JAKARTA", "JAKARTA"]),
    (
        "Daerah Istimewa Yogyakarta",
        &["DI YOGYAKARTA", "DIY", "YOGYAKARTA", "JOGJAKARTA"],
    ),
    ("Kepulauan Bangka Belitung", &["BANGKA BELITUNG", "BABEL"]),
    ("Kepulauan Riau", &["KEPRI"]),
    ("Nusa Tenggara Barat", &["NTB"]),
    ("Nusa Tenggara Timur", &["NTT"]),
    ("Sumatera Utara", &["SUMUT", "SUMATRA UTARA"]),
    ("Sumatera Barat", &["SUMBAR", "SUMATRA BARAT"]),
    ("Sumatera Selatan", &["SUMSEL", "SUMATRA SELATAN"]),
    ("Jawa Barat", &["JABAR"]),
    ("Jawa Tengah", &["JATENG"]),
    ("Jawa Timur", &["JATIM"]),
    ("Kalimantan Barat", &["KALBAR"]),
    ("Kalimantan Tengah", &["KALTENG"]),
    ("Kalimantan Selatan", &["KALSEL"]),
    ("Kalimantan Timur", &["KALTIM"]),
    ("Kalimantan Utara", &["KALTARA"]),
    ("Sulawesi Utara", &["SULUT"]),
    ("Sulawesi Tengah", &["SULTENG"]),
    ("Sulawesi Selatan", &["SULSEL"]),
    ("Sulawesi Tenggara", &["SULTRA"]),
    ("Sulawesi Barat", &["SULBAR"]),
    ("Maluku Utara", &["MALUT"]),
];

/// Upper case words, punctuation gone, "KABUPATEN"/"KAB." as "KAB".
fn tokens(s: &str) -> Vec<String> {
    words(&s.to_uppercase())
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The words of an upper-cased text, borrowed (this runs for every task of a big queue).
fn words(upper: &str) -> Vec<&str> {
    upper
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| match w {
            "KABUPATEN" => "KAB",
            "KOTAMADYA" | "KOTAMADIA" => "KOTA",
            w => w,
        })
        .collect()
}

/// The table of places, indexed by their first word.
#[derive(Debug, Clone, Default)]
pub struct RegionTable {
    entries: Vec<Entry>,
    by_first: HashMap<String, Vec<usize>>,
}

const BUILTIN: &str = include_str!("../../assets/regions.csv");

impl RegionTable {
    pub fn builtin() -> RegionTable {
        RegionTable::from_csv(BUILTIN).expect("assets/regions.csv is valid")
    }

    /// Reads `province_code,province,regency,zone` rows.
    pub fn from_csv(text: &str) -> Result<RegionTable, String> {
        let rows = csv_rows(text)?;
        let mut t = RegionTable::default();
        let mut provinces: HashMap<String, Zone> = HashMap::new();
        for row in rows.iter().skip(1) {
            let [_, province, regency, zone] = row.as_slice() else {
                return Err(format!("regions: expected 4 columns, got {row:?}"));
            };
            let zone =
                Zone::parse(zone).ok_or_else(|| format!("regions: unknown zone '{zone}'"))?;
            provinces.insert(province.clone(), zone);
            let mut bare = regency.as_str();
            let mut prefix = "";
            for (p, short) in [
                ("Kabupaten Administrasi ", "KAB"),
                ("Kota Administrasi ", "KOTA"),
                ("Kabupaten ", "KAB"),
                ("Kota ", "KOTA"),
            ] {
                if let Some(rest) = regency.strip_prefix(p) {
                    bare = rest;
                    prefix = short;
                    break;
                }
            }
            t.push(tokens(bare), Some(zone), Kind::Bare, bare);
            if !prefix.is_empty() {
                let mut with = vec![prefix.to_string()];
                with.extend(tokens(bare));
                t.push(with, Some(zone), Kind::Prefixed, bare);
            }
        }
        for (province, zone) in &provinces {
            t.push(tokens(province), Some(*zone), Kind::Province, province);
            let aliases = PROVINCE_ALIASES
                .iter()
                .filter(|(p, _)| p == province)
                .flat_map(|(_, a)| a.iter());
            for alias in aliases {
                t.push(tokens(alias), Some(*zone), Kind::Province, province);
            }
        }
        // A bare name found in two zones (BANJAR: a regency in South Kalimantan and a city in
        // West Java) decides nothing by itself.
        let mut zones_of: HashMap<(Vec<String>, Kind), Vec<Zone>> = HashMap::new();
        for e in &t.entries {
            zones_of
                .entry((e.tokens.clone(), e.kind))
                .or_default()
                .extend(e.zone);
        }
        for e in &mut t.entries {
            let zones = &zones_of[&(e.tokens.clone(), e.kind)];
            if zones.iter().any(|z| Some(*z) != e.zone) {
                e.zone = None;
            }
        }
        Ok(t)
    }

    fn push(&mut self, tokens: Vec<String>, zone: Option<Zone>, kind: Kind, name: &str) {
        if tokens.is_empty() {
            return;
        }
        self.by_first
            .entry(tokens[0].clone())
            .or_default()
            .push(self.entries.len());
        self.entries.push(Entry {
            tokens,
            zone,
            kind,
            name: name.to_uppercase().into(),
        });
    }

    /// The zone an address names. The place written last wins (addresses end with the city
    /// and province; a street may carry another city's name), then the stronger kind, then
    /// the longer name.
    pub fn find(&self, address: &str) -> Option<(Zone, std::sync::Arc<str>)> {
        let upper = address.to_uppercase();
        let words = words(&upper);
        let mut best: Option<(usize, Kind, usize, &Entry)> = None;
        for start in 0..words.len() {
            for &i in self.by_first.get(words[start]).into_iter().flatten() {
                let e = &self.entries[i];
                let end = start + e.tokens.len();
                if end > words.len()
                    || !e.tokens.iter().zip(&words[start..end]).all(|(a, b)| a == b)
                    || e.zone.is_none()
                {
                    continue;
                }
                let key = (end, e.kind, e.tokens.len());
                if best.as_ref().is_none_or(|b| key > (b.0, b.1, b.2)) {
                    best = Some((end, e.kind, e.tokens.len(), e));
                }
            }
        }
        best.and_then(|(_, _, _, e)| e.zone.map(|z| (z, e.name.clone())))
    }

    /// The customer's zone: from the address, else the branch's, else WIB (a guess).
    pub fn zone_of(&self, address: &str, branch: &str) -> ZoneGuess {
        if let Some((zone, place)) = self.find(address) {
            return ZoneGuess {
                zone,
                source: ZoneSource::Address,
                place,
            };
        }
        if let Some((zone, place)) = self.find(branch) {
            return ZoneGuess {
                zone,
                source: ZoneSource::Branch,
                place,
            };
        }
        ZoneGuess {
            zone: Zone::Wib,
            source: ZoneSource::Default,
            place: "".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(address: &str) -> Option<Zone> {
        RegionTable::builtin().find(address).map(|(z, _)| z)
    }

    #[test]
    fn a_province_of_two_words_written_last_wins_over_a_city_in_the_street() {
        assert_eq!(zone("JL. KUPANG NO. 1, JAWA TIMUR"), Some(Zone::Wib));
        assert_eq!(
            zone("JL. SURABAYA NO. 1, NUSA TENGGARA TIMUR"),
            Some(Zone::Wita)
        );
    }

    #[test]
    fn a_province_alias_names_its_own_provinces_zone() {
        assert_eq!(zone("JL. RAYA SENGGIGI NO. 5, NTB"), Some(Zone::Wita));
        assert_eq!(zone("JL. EL TARI NO. 2, NTT"), Some(Zone::Wita));
        assert_eq!(zone("JL. SUDIRMAN NO. 1, DKI JAKARTA"), Some(Zone::Wib));
        assert_eq!(zone("JL. MALIOBORO NO. 9, DIY"), Some(Zone::Wib));
    }

    #[test]
    fn the_three_zones_are_known_by_offset_and_any_other_offset_is_written_out() {
        let offset = |secs| FixedOffset::east_opt(secs).unwrap();
        assert_eq!(Zone::of_offset(offset(7 * 3600)), Some(Zone::Wib));
        assert_eq!(Zone::of_offset(offset(8 * 3600)), Some(Zone::Wita));
        assert_eq!(Zone::of_offset(offset(9 * 3600)), Some(Zone::Wit));
        assert_eq!(Zone::of_offset(offset(0)), None);
        assert_eq!(Zone::label(offset(8 * 3600)), "WITA");
        assert_eq!(Zone::label(offset(0)), "UTC+0");
        assert_eq!(Zone::label(offset(5 * 3600 + 30 * 60)), "UTC+5:30");
        assert_eq!(Zone::label(offset(-3 * 3600)), "UTC-3");
        assert_eq!(Zone::label(offset(-(9 * 3600 + 30 * 60))), "UTC-9:30");
        assert_eq!(Zone::label(offset(12 * 3600 + 45 * 60)), "UTC+12:45");
    }

    #[test]
    fn only_a_zone_read_from_the_address_is_not_a_guess() {
        let guess = |source| ZoneGuess {
            zone: Zone::Wib,
            source,
            place: "X".into(),
        };
        assert!(!guess(ZoneSource::Address).is_guess());
        assert!(guess(ZoneSource::Branch).is_guess());
        assert!(guess(ZoneSource::Default).is_guess());
    }

    #[test]
    fn the_seed_examples_are_wita() {
        assert_eq!(
            zone("JL. SAWANGAN LINGKUNGAN V, TIKALA BARU WENANG, MANADO , Manado, Kota."),
            Some(Zone::Wita)
        );
        assert_eq!(
            zone("JALAN TRANS SULAWESI, DESA BAHODOPI KEC. BUNGKU TENGAH , MOROWALI"),
            Some(Zone::Wita)
        );
    }

    #[test]
    fn real_looking_addresses() {
        let cases = [
            (
                "JL. SUDIRMAN NO. 5, RT 001/RW 002, KOTA JAKARTA SELATAN , DKI JAKARTA",
                Zone::Wib,
            ),
            (
                "Jl. Raya Bogor Km 30, Kab. Bogor, Jawa Barat 16453",
                Zone::Wib,
            ),
            ("PERUM GRIYA ASRI BLOK C2, KAB. SIDOARJO", Zone::Wib),
            ("JL. A. YANI, BANJARMASIN", Zone::Wita),
            ("JL. BY PASS NGURAH RAI, DENPASAR, BALI", Zone::Wita),
            (
                "JL. PAHLAWAN, KOTA BALIKPAPAN , KALIMANTAN TIMUR",
                Zone::Wita,
            ),
            ("JL. AHMAD YANI, KOTA JAYAPURA, PAPUA", Zone::Wit),
            ("KEL. BATU MERAH, SIRIMAU, KOTA AMBON", Zone::Wit),
            ("JL. PASAR BARU, TERNATE, MALUT", Zone::Wit),
            ("JL. MERDEKA 9, MIMIKA BARU, KAB MIMIKA", Zone::Wit),
            ("JL. BALI NO. 3, KOTA MEDAN, SUMUT", Zone::Wib),
            ("KOMP. MANADO INDAH, JL. GATOT SUBROTO, BANDUNG", Zone::Wib),
            ("kota kupang ntt", Zone::Wita),
            ("JL KARTINI, KAB. BANJAR", Zone::Wita),
            ("JL KARTINI, KOTA BANJAR", Zone::Wib),
        ];
        for (address, want) in cases {
            assert_eq!(zone(address), Some(want), "{address}");
        }
    }

    #[test]
    fn unknown_places_fall_back_to_the_branch_then_wib() {
        let t = RegionTable::builtin();
        assert_eq!(zone("JL. KENANGA NO. 1"), None);
        assert_eq!(
            zone("JL KARTINI, BANJAR"),
            None,
            "BANJAR alone is two places in two zones"
        );
        let g = t.zone_of("JL. KENANGA NO. 1", "MAKASSAR");
        assert_eq!((g.zone, g.source), (Zone::Wita, ZoneSource::Branch));
        assert!(g.is_guess());
        let g = t.zone_of("", "JAKARTA 1");
        assert_eq!(g.zone, Zone::Wib);
        let g = t.zone_of("?", "HEAD OFFICE");
        assert_eq!((g.zone, g.source), (Zone::Wib, ZoneSource::Default));
    }

    #[test]
    fn the_table_covers_every_regency_and_zone() {
        let t = RegionTable::builtin();
        let regencies = t.entries.iter().filter(|e| e.kind == Kind::Bare).count();
        assert_eq!(regencies, 514);
        for z in [Zone::Wib, Zone::Wita, Zone::Wit] {
            assert!(t.entries.iter().any(|e| e.zone == Some(z)));
        }
    }
}
