//! The twin's generated, deterministic books: loan contracts (with the call history that puts
//! some of them in today's queue) and termin transactions.

use crate::domain::bucket::Bucket;
use crate::domain::{Money, Task};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeZone, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;

/// One contract of the loan book. The task's day-dependent fields are refreshed from
/// `due_date` whenever the list is served.
#[derive(Debug, Clone)]
pub struct Contract {
    pub task: Task,
    /// Earliest unpaid due date.
    pub due_date: NaiveDate,
    pub installment: Money,
    /// No installment paid yet: the query's left joins to the ledger find no row, so the
    /// installment, its due date, the total and the last payment come back "".
    pub never_paid: bool,
}

/// The query's address: `isnull(address1,'') + ' ' + isnull(address2,'') + ' ' +
/// isnull(address3,'') + ', ' + KOTA`; a NULL KOTA makes the whole address NULL, sent as "".
pub fn sql_address(
    a1: Option<&str>,
    a2: Option<&str>,
    a3: Option<&str>,
    kota: Option<&str>,
) -> String {
    match kota {
        None => String::new(),
        Some(k) => format!(
            "{} {} {}, {k}",
            a1.unwrap_or(""),
            a2.unwrap_or(""),
            a3.unwrap_or("")
        ),
    }
}

/// A call recorded before the twin started (so broken-promise and message buckets exist).
#[derive(Debug, Clone)]
pub struct PriorCall {
    pub account_no: String,
    pub at: NaiveDateTime,
    pub action_code: String,
    pub result_code: String,
    pub promise_date: Option<NaiveDate>,
}

pub struct LoanBook {
    pub contracts: Vec<Contract>,
    pub prior_calls: Vec<PriorCall>,
}

/// One of the seed documents' accounts, kept verbatim so their examples work against the twin.
struct SeedAccount {
    no: &'static str,
    name: &'static str,
    address: &'static str,
    branch: &'static str,
    marketing: &'static str,
    phone: &'static str,
    method: &'static str,
    asset: &'static str,
    tenor: i64,
    customer_code: &'static str,
    installment: &'static str,
    penalty: &'static str,
    osar: &'static str,
    paid_tenor: i64,
    product: &'static str,
}

const SEED_ACCOUNTS: [SeedAccount; 3] = [
    SeedAccount {
        no: "000318270200055",
        name: "TRIJAYA KONSTRUKSI MEGAH",
        address: "JL. SAWANGAN LINGKUNGAN V, TIKALA BARU WENANG, MANADO , Manado, Kota.",
        branch: "JAKARTA 1",
        marketing: "JUWITA FIKA TYASTI",
        phone: "085340060088",
        method: "Transfer",
        asset: "DOOSAN EXCAVATOR DX300LCA",
        tenor: 54,
        customer_code: "C18030135",
        installment: "29949000.00",
        penalty: "77312731.00",
        osar: "1445252000",
        paid_tenor: 28,
        product: "CF - HEAVY EQUIPMENT BARU",
    },
    SeedAccount {
        no: "000418110200010",
        name: "PUTRA MOROWALI SEJAHTERA",
        address: "JALAN TRANS SULAWESI, DESA BAHODOPI KEC. BUNGKU TENGAH , MOROWALI",
        branch: "JAKARTA 2",
        marketing: "PUTRA DWIYANA",
        phone: "0811349991",
        method: "Giro/Cheq",
        asset: "VOLVO COMPACTOR SD110",
        tenor: 42,
        customer_code: "C17120737",
        installment: "21489000.00",
        penalty: "4946641.00",
        osar: "107445000",
        paid_tenor: 37,
        product: "FL - HEAVY EQUIPMENT BARU",
    },
    // The account of the seed's example POST; its task details are not published.
    SeedAccount {
        no: "000319280100042",
        name: "PUTRA SIMEULUE CUTT",
        address: "JL. TEUKU UMAR NO. 12, SINABANG, KAB. SIMEULUE, ACEH",
        branch: "MEDAN",
        marketing: "RAHMAT HIDAYAT",
        phone: "081260001234",
        method: "Transfer",
        asset: "KOMATSU PC200-8",
        tenor: 48,
        customer_code: "C19020042",
        installment: "18750000.00",
        penalty: "1312500.00",
        osar: "562500000",
        paid_tenor: 18,
        product: "CF - HEAVY EQUIPMENT BEKAS",
    },
];

const FIRST: &[&str] = &[
    "BUDI", "SITI", "AGUS", "DEWI", "RUDI", "RINA", "HENDRA", "WAHYU", "SRI", "ANDI", "YUSUF",
    "NUR", "EKO", "FITRI", "IWAN", "LINDA", "BAMBANG", "SUSANTI", "JOKO", "MAYA", "ARIF", "RATNA",
    "DIAN", "FAJAR", "GILANG", "INDAH", "KURNIA", "LESTARI", "MUHAMMAD", "PUTU", "KADEK",
    "YOHANES", "MARIA",
];
const LAST: &[&str] = &[
    "SANTOSO",
    "WIJAYA",
    "HIDAYAT",
    "SETIAWAN",
    "PRATAMA",
    "SAPUTRA",
    "LUBIS",
    "SIREGAR",
    "NASUTION",
    "HARAHAP",
    "GINTING",
    "SIMANJUNTAK",
    "PANGARIBUAN",
    "WIBOWO",
    "KUSUMA",
    "HALIM",
    "TANJUNG",
    "MANURUNG",
    "RUMBIAK",
    "WANMA",
    "TAMBUNAN",
    "MAHENDRA",
    "SUGIHARTO",
    "RAHAYU",
    "LATUHERU",
];
const COMPANY_WORDS: &[&str] = &[
    "KARYA",
    "MANDIRI",
    "SEJAHTERA",
    "ABADI",
    "JAYA",
    "PERKASA",
    "SENTOSA",
    "UTAMA",
    "MAKMUR",
    "BANGUN",
    "NUSANTARA",
    "BAHARI",
    "TEKNIK",
    "LOGISTIK",
    "KONSTRUKSI",
    "MEGAH",
    "PRIMA",
];
/// (city as addresses write it, province, branch). Spread over WIB, WITA and WIT.
const PLACES: &[(&str, &str, &str)] = &[
    ("KOTA JAKARTA SELATAN", "DKI JAKARTA", "JAKARTA 1"),
    ("KOTA JAKARTA TIMUR", "DKI JAKARTA", "JAKARTA 2"),
    ("KOTA BEKASI", "JAWA BARAT", "BEKASI"),
    ("KAB. BOGOR", "JAWA BARAT", "BOGOR"),
    ("KOTA BANDUNG", "JAWA BARAT", "BANDUNG"),
    ("KOTA SEMARANG", "JAWA TENGAH", "SEMARANG"),
    ("KOTA SURABAYA", "JAWA TIMUR", "SURABAYA"),
    ("KAB. SIDOARJO", "JAWA TIMUR", "SURABAYA"),
    ("KOTA MEDAN", "SUMATERA UTARA", "MEDAN"),
    ("KOTA PALEMBANG", "SUMATERA SELATAN", "PALEMBANG"),
    ("KOTA PEKANBARU", "RIAU", "PEKANBARU"),
    ("KOTA PONTIANAK", "KALIMANTAN BARAT", "PONTIANAK"),
    ("KOTA MAKASSAR", "SULAWESI SELATAN", "MAKASSAR"),
    ("KOTA MANADO", "SULAWESI UTARA", "MANADO"),
    ("KAB. MOROWALI", "SULAWESI TENGAH", "PALU"),
    ("KOTA DENPASAR", "BALI", "DENPASAR"),
    ("KOTA BALIKPAPAN", "KALIMANTAN TIMUR", "BALIKPAPAN"),
    ("KOTA SAMARINDA", "KALIMANTAN TIMUR", "SAMARINDA"),
    ("KOTA MATARAM", "NUSA TENGGARA BARAT", "MATARAM"),
    ("KOTA KUPANG", "NUSA TENGGARA TIMUR", "KUPANG"),
    ("KOTA BANJARMASIN", "KALIMANTAN SELATAN", "BANJARMASIN"),
    ("KOTA JAYAPURA", "PAPUA", "JAYAPURA"),
    ("KAB. MIMIKA", "PAPUA TENGAH", "TIMIKA"),
    ("KOTA SORONG", "PAPUA BARAT DAYA", "SORONG"),
    ("KOTA AMBON", "MALUKU", "AMBON"),
    ("KOTA TERNATE", "MALUKU UTARA", "TERNATE"),
    ("KAB. MERAUKE", "PAPUA SELATAN", "MERAUKE"),
];
const STREETS: &[&str] = &[
    "JL. SUDIRMAN",
    "JL. GATOT SUBROTO",
    "JL. AHMAD YANI",
    "JL. DIPONEGORO",
    "JL. HASANUDDIN",
    "JL. PATTIMURA",
    "JL. GAJAH MADA",
    "JL. IMAM BONJOL",
    "JL. RAYA BOGOR",
    "JL. TRANS SULAWESI",
    "JL. SAM RATULANGI",
    "JL. MERDEKA",
    "JL. PAHLAWAN",
    "JL. KARTINI",
];
const PRODUCTS: &[(&str, &[&str])] = &[
    (
        "CF - HEAVY EQUIPMENT BARU",
        &[
            "DOOSAN EXCAVATOR DX300LCA",
            "KOMATSU PC200-8",
            "CATERPILLAR 320D2",
            "HITACHI ZX210",
        ],
    ),
    (
        "FL - HEAVY EQUIPMENT BARU",
        &["VOLVO COMPACTOR SD110", "SAKAI SV526", "KOMATSU D85ESS-2"],
    ),
    (
        "CF - HEAVY EQUIPMENT BEKAS",
        &["KOMATSU PC200-7", "KOBELCO SK200-8", "SANY SY215C"],
    ),
    (
        "CF - COMMERCIAL VEHICLE BARU",
        &[
            "HINO DUTRO 130 HD",
            "MITSUBISHI FUSO FE 74",
            "ISUZU ELF NMR 71",
        ],
    ),
    (
        "CF - MOBIL BEKAS",
        &[
            "TOYOTA AVANZA 1.3 G",
            "DAIHATSU XENIA R",
            "HONDA BRIO SATYA E",
            "SUZUKI ERTIGA GL",
        ],
    ),
    (
        "CF - MOTOR BARU",
        &[
            "HONDA BEAT CBS",
            "YAMAHA NMAX 155",
            "HONDA VARIO 125",
            "YAMAHA MIO M3",
        ],
    ),
];
const PAYMENT_METHODS: &[&str] = &[
    "Transfer",
    "Giro/Cheq",
    "Payment Point",
    "Auto Debet",
    "Cash",
];
const MARKETING: &[&str] = &[
    "JUWITA FIKA TYASTI",
    "PUTRA DWIYANA",
    "ANISA RAHMAWATI",
    "DEDI KURNIAWAN",
    "YOGI PRASETYO",
    "MELATI SUKMA",
    "HARIS MUNANDAR",
];
const TENORS: &[i64] = &[12, 18, 24, 36, 42, 48, 54, 60];

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

fn digits(rng: &mut ChaCha8Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

fn money2(units: i64) -> Money {
    Money(Decimal::new(units * 100, 2))
}

/// Days past the earliest unpaid due date that put a contract in (or out of) the queue.
fn overdue_days_for(rng: &mut ChaCha8Rng, bucket: Option<Bucket>) -> i64 {
    match bucket {
        Some(Bucket::PreDue) => rng.random_range(-4..=-2),
        Some(Bucket::FirstDayPastDue) => 1,
        Some(Bucket::EarlyDelinquency) => rng.random_range(2..=6),
        Some(Bucket::BrokenPromise) => rng.random_range(1..=7),
        Some(Bucket::MessageFollowUp) => rng.random_range(8..=45),
        // Out of today's queue: well before due, or long overdue with no open follow-up.
        None if rng.random_bool(0.4) => rng.random_range(-60..=-5),
        None => rng.random_range(8..=120),
    }
}

impl LoanBook {
    /// `contracts` accounts, of which exactly `tasks` are in `today`'s queue, spread over the
    /// five buckets. The seed documents' three accounts are always in the book (and in the
    /// queue when `tasks` allows).
    pub fn generate(seed: u64, contracts: usize, tasks: usize, today: NaiveDate) -> LoanBook {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let contracts = contracts.max(SEED_ACCOUNTS.len()).max(tasks);
        let mut book = LoanBook {
            contracts: Vec::with_capacity(contracts),
            prior_calls: Vec::new(),
        };
        for (i, s) in SEED_ACCOUNTS.iter().enumerate() {
            let in_queue = i < tasks;
            // The seed lists its two tasks with overdue "5", i.e. 4 days past due.
            let overdue_days = if in_queue { [4, 4, 3][i] } else { 30 };
            let money = |v: &str| v.parse::<Money>().ok();
            let task = Task {
                contract_no: s.no.into(),
                name: s.name.into(),
                address: s.address.into(),
                branch_name: s.branch.into(),
                marketing_name: s.marketing.into(),
                phone1: s.phone.into(),
                payment_method: s.method.into(),
                asset: s.asset.into(),
                total_installments: Some(s.tenor),
                customer_code: s.customer_code.into(),
                installment_number_field: money(s.installment),
                penalty: money(s.penalty),
                total_due: money(s.installment)
                    .zip(money(s.penalty))
                    .and_then(|(a, b)| a.checked_add(b)),
                osar: money(s.osar),
                lastpaid_amount: money(s.installment),
                lastpaid_tenor: Some(s.paid_tenor),
                product: s.product.into(),
                flag_dedicated: "1".into(),
                ..Task::default()
            };
            let installment = task.installment_number_field.unwrap_or_default();
            book.contracts.push(Contract {
                task,
                due_date: today - Duration::days(overdue_days),
                installment,
                never_paid: false,
            });
        }
        let mut seen: std::collections::HashSet<String> = book
            .contracts
            .iter()
            .map(|c| c.task.contract_no.to_string())
            .collect();
        for i in SEED_ACCOUNTS.len()..contracts {
            let bucket = (i < tasks).then(|| Bucket::ALL[i % Bucket::ALL.len()]);
            let overdue_days = overdue_days_for(&mut rng, bucket);
            let mut contract = generate_contract(&mut rng, i, today, overdue_days);
            while !seen.insert(contract.task.contract_no.to_string()) {
                contract.task.contract_no = format!("0009{}", digits(&mut rng, 11)).into(); // 15 digits, like the rest
            }
            let account = contract.task.contract_no.to_string();
            book.contracts.push(contract);
            let yesterday = today - Duration::days(1);
            match bucket {
                Some(Bucket::BrokenPromise) => book.prior_calls.push(PriorCall {
                    account_no: account,
                    at: (yesterday - Duration::days(rng.random_range(1..=5)))
                        .and_time(NaiveTime::from_hms_opt(10, 15, 0).unwrap_or_default()),
                    action_code: "PTP".into(),
                    result_code: "PTP01".into(),
                    promise_date: Some(yesterday),
                }),
                Some(Bucket::MessageFollowUp) => book.prior_calls.push(PriorCall {
                    account_no: account,
                    at: yesterday.and_time(
                        NaiveTime::from_hms_opt(
                            rng.random_range(8..18),
                            rng.random_range(0..60),
                            0,
                        )
                        .unwrap_or_default(),
                    ),
                    action_code: "MSG".into(),
                    result_code: String::new(),
                    promise_date: None,
                }),
                _ => {}
            }
        }
        real_shapes(&mut book, seed, today);
        book
    }
}

/// What the real query sends for some accounts, on a random stream of its own (the rest of
/// the book stays as the seed makes it): `phone1` "0" (the client's phone is NULL) or ""
/// (a client type the CASE does not know), empty address parts or no address at all (a
/// NULL city), the left joins' "" (no marketing, branch, asset, product or payment method),
/// and new contracts in the first-day bucket with nothing paid yet. The seed documents'
/// accounts are left as published.
fn real_shapes(book: &mut LoanBook, seed: u64, today: NaiveDate) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5a11_0c0d);
    for c in book.contracts.iter_mut().skip(SEED_ACCOUNTS.len()) {
        let t = &mut c.task;
        match rng.random_range(0..100) {
            0..=5 => t.phone1 = "0".into(),
            6..=7 => t.phone1 = "".into(),
            _ => {}
        }
        match rng.random_range(0..100) {
            0..=5 => {
                // address2 (RT/RW) or address3 (the city) missing.
                let a = t.address.to_string();
                let parts: Vec<&str> = a.splitn(3, ", ").collect();
                if let [a1, a2, rest] = parts[..] {
                    let (a3, kota) = rest.rsplit_once(", ").unwrap_or((rest, ""));
                    let drop2 = rng.random_bool(0.5);
                    t.address = sql_address(
                        Some(&format!("{a1},")),
                        (!drop2).then(|| format!("{a2},")).as_deref(),
                        drop2.then_some(a3),
                        Some(kota),
                    )
                    .into();
                }
            }
            6..=7 => t.address = sql_address(None, None, None, None).into(),
            _ => {}
        }
        if rng.random_range(0..100) < 3 {
            t.marketing_name = "".into();
        }
        if rng.random_range(0..100) < 2 {
            t.branch_name = "".into();
        }
        if rng.random_range(0..100) < 3 {
            t.asset = "".into();
        }
        if rng.random_range(0..100) < 2 {
            t.payment_method = "".into();
        }
        if rng.random_range(0..100) < 1 {
            t.product = "".into();
        }
        // A quarter of the first-day accounts: the first installment fell due yesterday.
        let first_day = c.due_date == today - Duration::days(1);
        if rng.random_range(0..100) < 25 && first_day {
            c.never_paid = true;
        }
    }
}

fn generate_contract(
    rng: &mut ChaCha8Rng,
    i: usize,
    today: NaiveDate,
    overdue_days: i64,
) -> Contract {
    let due_date = today - Duration::days(overdue_days);
    let (city, province, branch) = *pick(rng, PLACES);
    let (product, assets) = *pick(rng, PRODUCTS);
    let heavy = product.contains("HEAVY");
    let name = if heavy || rng.random_bool(0.2) {
        format!(
            "{} {} {}",
            pick(rng, &["PT", "CV"]),
            pick(rng, COMPANY_WORDS),
            pick(rng, COMPANY_WORDS)
        )
    } else {
        format!("{} {}", pick(rng, FIRST), pick(rng, LAST))
    };
    let installment_units: i64 = if heavy {
        rng.random_range(8_000..60_000) * 1_000
    } else if product.contains("MOTOR") {
        rng.random_range(600..2_500) * 1_000
    } else {
        rng.random_range(2_500..12_000) * 1_000
    };
    let tenor = *pick(rng, TENORS);
    let paid_tenor = rng.random_range(1..tenor);
    let penalty_units = if overdue_days > 0 {
        installment_units / 1000 * 5 * overdue_days.min(90) // 0.5% a day
    } else {
        0
    };
    let installment = money2(installment_units);
    let penalty = money2(penalty_units);
    let last_due = due_date - Duration::days(30);
    let paid_on = last_due + Duration::days(rng.random_range(0..6));
    let phone_len = rng.random_range(7..=9);
    let phone1 = format!(
        "08{}{}",
        pick(
            rng,
            &["11", "12", "13", "21", "52", "53", "57", "77", "81", "95"]
        ),
        digits(rng, phone_len)
    );
    let year = 17 + (i % 6);
    let task = Task {
        contract_no: format!(
            "000{}{:02}{}",
            rng.random_range(1..=9),
            year,
            digits(rng, 9)
        )
        .into(),
        name: name.into(),
        address: format!(
            "{} NO. {}, RT {:03}/RW {:03}, {} , {}",
            pick(rng, STREETS),
            rng.random_range(1..250),
            rng.random_range(1..15),
            rng.random_range(1..12),
            city,
            province
        )
        .into(),
        branch_name: branch.into(),
        marketing_name: (*pick(rng, MARKETING)).into(),
        phone1: phone1.into(),
        payment_method: (*pick(rng, PAYMENT_METHODS)).into(),
        asset: (*pick(rng, assets)).into(),
        total_installments: Some(tenor),
        customer_code: format!("C{}{:02}{}", year, rng.random_range(1..=12), digits(rng, 4)).into(),
        installment_number_field: Some(installment),
        penalty: Some(penalty),
        total_due: installment.checked_add(penalty),
        osar: Some(Money::from_units(installment_units * (tenor - paid_tenor))),
        lastpaid_amount: Some(installment),
        lastpaid_duedate: Some(last_due.and_time(NaiveTime::MIN)),
        lastpaid_tenor: Some(paid_tenor),
        lastpaid_paymentdate: Some(paid_on),
        product: product.into(),
        flag_dedicated: "1".into(),
        ..Task::default()
    };
    Contract {
        task,
        due_date,
        installment,
        never_paid: false,
    }
}

impl Contract {
    /// The task as the server would list it on `today`.
    pub fn task_on(&self, today: NaiveDate) -> Task {
        let mut t = self.task.clone();
        let days = (today - self.due_date).num_days();
        t.overdue = Some((days + 1).max(0));
        if self.never_paid {
            t.installment_number_field = None;
            t.total_due = None;
            t.lastpaid_amount = None;
            t.lastpaid_duedate = None;
            t.lastpaid_tenor = None;
            t.lastpaid_paymentdate = None;
            return t;
        }
        t.due_date = Some(self.due_date);
        if t.lastpaid_duedate.is_none() {
            t.lastpaid_duedate =
                Some((self.due_date - Duration::days(30)).and_time(NaiveTime::MIN));
        }
        if t.lastpaid_paymentdate.is_none() {
            t.lastpaid_paymentdate = Some(self.due_date - Duration::days(28));
        }
        t
    }

    pub fn overdue_days(&self, today: NaiveDate) -> i64 {
        (today - self.due_date).num_days()
    }
}

// ---- termin ----------------------------------------------------------------------------

use crate::domain::termin::{BuyerGroup, General, Payment, Transaction, Vendor};

pub const STATUSES: &[&str] = &[
    "Menunggu Pembayaran",
    "Diproses Penjual",
    "Dikirim",
    "Diterima",
    "Penagihan",
    "Selesai",
    "Dibatalkan",
];
const BUMN: &[&str] = &[
    "PT Pembangunan Perumahan",
    "PT Wijaya Karya",
    "PT Telkom Indonesia",
    "PT Pertamina",
    "PT PLN",
    "PT Semen Indonesia",
    "PT Hutama Karya",
    "PT Angkasa Pura",
];
const VENDOR_CITIES: &[(&str, &str, &str, &str)] = &[
    ("Jakarta Selatan", "Setiabudi", "Jakarta", "12910"),
    ("Bandung", "Coblong", "Jawa Barat", "40132"),
    ("Surabaya", "Genteng", "Jawa Timur", "60275"),
    ("Makassar", "Panakkukang", "Sulawesi Selatan", "90231"),
    ("Medan", "Medan Baru", "Sumatera Utara", "20153"),
    ("Denpasar", "Denpasar Barat", "Bali", "80119"),
];

fn hexid(rng: &mut ChaCha8Rng) -> String {
    (0..24)
        .map(|_| char::from_digit(rng.random_range(0..16), 16).unwrap_or('0'))
        .collect()
}

fn pct(amount: i64, per_mille: i64) -> i64 {
    amount * per_mille / 1000
}

/// `n` transactions, newest first, with taxes consistent the way the provider's examples are:
/// bill = subtotal + shipping - all PPh withheld; PPN 11% shown but not billed.
pub fn generate_termin(seed: u64, n: usize, now: NaiveDateTime) -> Vec<Transaction> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x7e4d_1a2b);
    let mut out: Vec<Transaction> = (0..n)
        .map(|_| {
            let entry = now - Duration::minutes(rng.random_range(0..60 * 24 * 120));
            let buyer = format!("{} {}", pick(&mut rng, FIRST), pick(&mut rng, LAST));
            let bumn = *pick(&mut rng, BUMN);
            let status = *pick(&mut rng, STATUSES);
            let subtotal: i64 =
                rng.random_range(1_000..500_000) * 1_000 + rng.random_range(0..1000);
            let (pph21, pph22, pph23) = match rng.random_range(0..3) {
                0 => (pct(subtotal, 50), 0, 0),
                1 => (0, pct(subtotal, 15), 0),
                _ => (0, 0, pct(subtotal, 20)),
            };
            let shipping: i64 = if rng.random_bool(0.3) {
                rng.random_range(50..2_000) * 1_000
            } else {
                0
            };
            let shipping_pph = pct(shipping, 20);
            let shipping_ppn = pct(shipping, 110);
            let product_ppn = pct(subtotal, 110);
            let total_pph = pph21 + pph22 + pph23 + shipping_pph;
            let total_step = rng.random_range(1..=6);
            let (city, district, province, zip) = *pick(&mut rng, VENDOR_CITIES);
            let billed = matches!(status, "Penagihan" | "Selesai");
            let day = entry.format("%Y-%m-%d");
            let fmt_utc = |t: NaiveDateTime| {
                Utc.from_utc_datetime(&t)
                    .to_rfc3339_opts(SecondsFormat::Millis, true)
            };
            Transaction {
                buyer_group: BuyerGroup {
                    bumn_id: hexid(&mut rng),
                    id: hexid(&mut rng),
                    name: buyer.clone(),
                    user_id: hexid(&mut rng),
                    user_name: buyer.clone(),
                },
                general: General {
                    buyer_name: buyer,
                    entry_date: fmt_utc(entry),
                    invoice_date: if billed {
                        fmt_utc(entry + Duration::days(7))
                    } else {
                        String::new()
                    },
                    invoice_number: if billed {
                        format!("INV-{day}-{}", digits(&mut rng, 9))
                    } else {
                        String::new()
                    },
                    purchase_order_number: format!("PO-{day}-{}", digits(&mut rng, 9)),
                    purchase_request_number: format!("PR-{day}-{}", digits(&mut rng, 9)),
                    status_change_date: fmt_utc(
                        (entry + Duration::hours(rng.random_range(1..200))).min(now),
                    ),
                    status_name: status.into(),
                },
                payment: Payment {
                    bank_holder: format!("PADIUMKM {bumn}"),
                    bank_name: (*pick(
                        &mut rng,
                        &[
                            "Mandiri Virtual Account",
                            "BNI Virtual Account",
                            "BRI Virtual Account",
                        ],
                    ))
                    .into(),
                    bill_amount: Some(Money::from_units(subtotal + shipping - total_pph)),
                    payment_method: (*pick(&mut rng, &["MANDIRI", "BNI", "BRI"])).into(),
                    pph21: Some(Money::from_units(pph21)),
                    pph22: Some(Money::from_units(pph22)),
                    pph23: Some(Money::from_units(pph23)),
                    ppn_by: (*pick(&mut rng, &["", "Pembeli"])).into(),
                    price_sub_total: Some(Money::from_units(subtotal)),
                    product_ppn: Some(Money::from_units(product_ppn)),
                    shipping_cost: Some(Money::from_units(shipping)),
                    shipping_cost_pph: Some(Money::from_units(shipping_pph)),
                    shipping_cost_ppn: Some(Money::from_units(shipping_ppn)),
                    step: Some(rng.random_range(1..=total_step)),
                    total_pph: Some(Money::from_units(total_pph)),
                    total_ppn: Some(Money::from_units(product_ppn + shipping_ppn)),
                    total_step: Some(total_step),
                    va_number: if status == "Menunggu Pembayaran" {
                        format!("8{}", digits(&mut rng, 15))
                    } else {
                        String::new()
                    },
                },
                vendor: Vendor {
                    id: hexid(&mut rng),
                    address: format!(
                        "{} No. {}",
                        pick(&mut rng, STREETS),
                        rng.random_range(1..200)
                    ),
                    city: city.into(),
                    district: district.into(),
                    name: format!(
                        "{} {} {}",
                        pick(&mut rng, &["PT.", "CV."]),
                        pick(&mut rng, COMPANY_WORDS),
                        pick(&mut rng, COMPANY_WORDS)
                    ),
                    province: province.into(),
                    zipcode: zip.into(),
                    email: if rng.random_bool(0.5) {
                        format!("sales{}@vendor.co.id", digits(&mut rng, 3))
                    } else {
                        String::new()
                    },
                    nomor_telepon: if rng.random_bool(0.5) {
                        format!("021{}", digits(&mut rng, 7))
                    } else {
                        String::new()
                    },
                    npwp: if rng.random_bool(0.5) {
                        digits(&mut rng, 15)
                    } else {
                        String::new()
                    },
                },
            }
        })
        .collect();
    out.sort_by(|a, b| b.general.entry_date.cmp(&a.general.entry_date));
    out
}

/// The way a transaction goes, up to paid: `churn_termin` moves statuses along it.
pub const PIPELINE: &[&str] = &[
    "Menunggu Pembayaran",
    "Diproses Penjual",
    "Dikirim",
    "Diterima",
    "Penagihan",
    "Selesai",
];

/// Moves about `rate` of the transactions one status on (`serve --termin-churn RATE`), the
/// same way for the same seed and look: a status goes to the next in `PIPELINE`; a step paid
/// (Selesai) before the last opens the next step. `Dibatalkan` stays. The status date becomes
/// `now`.
pub fn churn_termin(txs: &mut [Transaction], seed: u64, look: u64, rate: f64, now: NaiveDateTime) {
    if txs.is_empty() || rate <= 0.0 {
        return;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xc4a2_9e11 ^ look.wrapping_mul(0x9e37_79b9));
    let n = ((txs.len() as f64) * rate.min(1.0)).ceil() as usize;
    let when = Utc
        .from_utc_datetime(&now)
        .to_rfc3339_opts(SecondsFormat::Millis, true);
    for _ in 0..n {
        let t = &mut txs[rng.random_range(0..txs.len())];
        let status = t.general.status_name.as_str();
        let (step, total) = (
            t.payment.step.unwrap_or(1),
            t.payment.total_step.unwrap_or(1),
        );
        let next = match PIPELINE.iter().position(|p| *p == status) {
            Some(i) if i + 1 < PIPELINE.len() => PIPELINE[i + 1],
            Some(_) if step < total => {
                t.payment.step = Some(step + 1);
                PIPELINE[0]
            }
            _ => continue,
        };
        t.general.status_name = next.into();
        t.general.status_change_date = when.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn generation_is_deterministic_and_consistent() {
        let a = LoanBook::generate(7, 200, 50, today());
        let b = LoanBook::generate(7, 200, 50, today());
        assert_eq!(a.contracts.len(), 200);
        for (x, y) in a.contracts.iter().zip(&b.contracts) {
            assert_eq!(x.task, y.task);
        }
        for c in &a.contracts {
            let t = &c.task;
            assert_eq!(
                t.installment_amount().unwrap() + t.penalty.unwrap(),
                t.total_due.unwrap(),
                "{}",
                t.contract_no
            );
            assert!(t.lastpaid_tenor.unwrap() < t.total_installments.unwrap());
            assert!(t.osar.unwrap() > Money::ZERO);
        }
        let accounts: std::collections::HashSet<_> =
            a.contracts.iter().map(|c| &c.task.contract_no).collect();
        assert_eq!(accounts.len(), 200, "account numbers are unique");
        for seed in ["000318270200055", "000418110200010", "000319280100042"] {
            assert!(accounts.iter().any(|a| a.as_str() == seed));
        }
    }

    #[test]
    fn termin_taxes_add_up() {
        let now = today().and_hms_opt(9, 0, 0).unwrap();
        for t in generate_termin(1, 100, now) {
            let p = &t.payment;
            let pph = p.pph21.unwrap()
                + p.pph22.unwrap()
                + p.pph23.unwrap()
                + p.shipping_cost_pph.unwrap();
            assert_eq!(pph, p.total_pph.unwrap());
            assert_eq!(
                p.price_sub_total.unwrap() + p.shipping_cost.unwrap() - pph,
                p.bill_amount.unwrap()
            );
            assert!(p.step.unwrap() <= p.total_step.unwrap());
        }
    }
}
