//! Termin (staged-payment) transactions of BUMN procurement (`GET /api/v1/bumn/transactions/termin`).

use super::WireError;
use super::lenient;
use super::money::Money;
use serde::{Deserialize, Serialize};

/// One page as the provider sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct TerminPage {
    #[serde(deserialize_with = "lenient::string")]
    pub status: String,
    #[serde(deserialize_with = "lenient::string")]
    pub message: String,
    pub data: Option<TerminData>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct TerminData {
    pub meta: Meta,
    #[serde(rename = "transaction-termin", deserialize_with = "null_as_empty")]
    pub transactions: Vec<Transaction>,
}

fn null_as_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Transaction>, D::Error> {
    Ok(Option::<Vec<Transaction>>::deserialize(d)?.unwrap_or_default())
}

/// Pagination. Links are "" when absent and may point at another API version: build page
/// requests from `page`/`limit`, never from the links.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct Meta {
    #[serde(deserialize_with = "lenient::string")]
    pub first: String,
    #[serde(deserialize_with = "lenient::string")]
    pub last: String,
    #[serde(deserialize_with = "lenient::int")]
    pub limit: Option<i64>,
    #[serde(deserialize_with = "lenient::string")]
    pub next: String,
    #[serde(deserialize_with = "lenient::int")]
    pub page: Option<i64>,
    #[serde(deserialize_with = "lenient::string")]
    pub prev: String,
    #[serde(deserialize_with = "lenient::int")]
    pub total_data: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub total_page: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct Transaction {
    pub buyer_group: BuyerGroup,
    pub general: General,
    pub payment: Payment,
    pub vendor: Vendor,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct BuyerGroup {
    #[serde(deserialize_with = "lenient::string")]
    pub bumn_id: String,
    #[serde(deserialize_with = "lenient::string")]
    pub id: String,
    #[serde(deserialize_with = "lenient::string")]
    pub name: String,
    #[serde(deserialize_with = "lenient::string")]
    pub user_id: String,
    #[serde(deserialize_with = "lenient::string")]
    pub user_name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct General {
    #[serde(deserialize_with = "lenient::string")]
    pub buyer_name: String,
    /// Kept as sent (RFC 3339 in the examples); parse with `dates` for display.
    #[serde(deserialize_with = "lenient::string")]
    pub entry_date: String,
    #[serde(deserialize_with = "lenient::string")]
    pub invoice_date: String,
    #[serde(deserialize_with = "lenient::string")]
    pub invoice_number: String,
    #[serde(deserialize_with = "lenient::string")]
    pub purchase_order_number: String,
    #[serde(deserialize_with = "lenient::string")]
    pub purchase_request_number: String,
    #[serde(deserialize_with = "lenient::string")]
    pub status_change_date: String,
    /// Any text: the provider publishes no full list of statuses.
    #[serde(deserialize_with = "lenient::string")]
    pub status_name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct Payment {
    #[serde(deserialize_with = "lenient::string")]
    pub bank_holder: String,
    #[serde(deserialize_with = "lenient::string")]
    pub bank_name: String,
    #[serde(deserialize_with = "lenient::money")]
    pub bill_amount: Option<Money>,
    #[serde(deserialize_with = "lenient::string")]
    pub payment_method: String,
    #[serde(deserialize_with = "lenient::money")]
    pub pph21: Option<Money>,
    #[serde(deserialize_with = "lenient::money")]
    pub pph22: Option<Money>,
    #[serde(deserialize_with = "lenient::money")]
    pub pph23: Option<Money>,
    #[serde(deserialize_with = "lenient::string")]
    pub ppn_by: String,
    #[serde(deserialize_with = "lenient::money")]
    pub price_sub_total: Option<Money>,
    #[serde(deserialize_with = "lenient::money")]
    pub product_ppn: Option<Money>,
    #[serde(deserialize_with = "lenient::money")]
    pub shipping_cost: Option<Money>,
    #[serde(deserialize_with = "lenient::money")]
    pub shipping_cost_pph: Option<Money>,
    #[serde(deserialize_with = "lenient::money")]
    pub shipping_cost_ppn: Option<Money>,
    #[serde(deserialize_with = "lenient::int")]
    pub step: Option<i64>,
    #[serde(deserialize_with = "lenient::money")]
    pub total_pph: Option<Money>,
    #[serde(deserialize_with = "lenient::money")]
    pub total_ppn: Option<Money>,
    #[serde(deserialize_with = "lenient::int")]
    pub total_step: Option<i64>,
    #[serde(deserialize_with = "lenient::string")]
    pub va_number: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct Vendor {
    #[serde(deserialize_with = "lenient::string")]
    pub id: String,
    #[serde(deserialize_with = "lenient::string")]
    pub address: String,
    #[serde(deserialize_with = "lenient::string")]
    pub city: String,
    #[serde(deserialize_with = "lenient::string")]
    pub district: String,
    #[serde(deserialize_with = "lenient::string")]
    pub name: String,
    #[serde(deserialize_with = "lenient::string")]
    pub province: String,
    #[serde(deserialize_with = "lenient::string")]
    pub zipcode: String,
    #[serde(
        deserialize_with = "lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub email: String,
    #[serde(
        deserialize_with = "lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub nomor_telepon: String,
    #[serde(
        deserialize_with = "lenient::string",
        skip_serializing_if = "String::is_empty"
    )]
    pub npwp: String,
}

/// `{"status":"error","message":"transactions termin not found"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct TerminErrorBody {
    #[serde(deserialize_with = "lenient::string")]
    pub status: String,
    #[serde(deserialize_with = "lenient::string")]
    pub message: String,
}

pub const NOT_FOUND_MESSAGE: &str = "transactions termin not found";
/// The provider's login (Basic auth + access key and secret -> a 24-hour token).
pub const LOGIN_PATH: &str = "/api/v2/bumn/bumn-auth/login";

impl TerminPage {
    pub fn parse(body: &[u8]) -> Result<TerminPage, WireError> {
        Ok(serde_json::from_slice(body)?)
    }

    /// The friendly empty page that the provider's 404 means.
    pub fn empty(page: i64, limit: i64) -> TerminPage {
        TerminPage {
            status: "success".into(),
            message: NOT_FOUND_MESSAGE.into(),
            data: Some(TerminData {
                meta: Meta {
                    limit: Some(limit),
                    page: Some(page),
                    total_data: Some(0),
                    total_page: Some(0),
                    ..Meta::default()
                },
                transactions: Vec::new(),
            }),
        }
    }

    pub fn transactions(&self) -> &[Transaction] {
        self.data
            .as_ref()
            .map(|d| d.transactions.as_slice())
            .unwrap_or(&[])
    }

    pub fn meta(&self) -> Meta {
        self.data
            .as_ref()
            .map(|d| d.meta.clone())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_page_a_404_means_keeps_the_page_asked_and_counts_nothing() {
        let p = TerminPage::empty(3, 20);
        assert_eq!(p.status, "success");
        assert_eq!(p.message, NOT_FOUND_MESSAGE);
        let data = p.data.expect("a page");
        assert_eq!(data.meta.page, Some(3));
        assert_eq!(data.meta.limit, Some(20));
        assert_eq!(data.meta.total_data, Some(0));
        assert_eq!(data.meta.total_page, Some(0));
        assert!(data.transactions.is_empty());
    }

    const SEED: &str = r#"{"status":"success","data":{"meta":{"first":"","last":"","limit":10,"next":"","page":1,"prev":"","total_data":1,"total_page":1},"transaction-termin":[{"buyer_group":{"bumn_id":"62a7079031bfe7a364644259","id":"631e40eff6f16759f9da64e4","name":"Yunita Dwima Noormalinda","user_id":"64eff95cb78a10294e40609d","user_name":"Yunita Dwima Noormalinda"},"general":{"buyer_name":"Yunita Dwima Noormalinda","entry_date":"2024-10-20T23:27:56.435Z","invoice_date":"","invoice_number":"","purchase_order_number":"PO-2024-10-21-992176465","purchase_request_number":"PR-2024-10-21-997102467","status_name":"Diproses Penjual"},"payment":{"bank_holder":"PADIUMKM PT Pembangunan Perumahan","bank_name":"Mandiri Virtual Account","bill_amount":257005026,"payment_method":"MANDIRI","pph21":14351758,"pph22":0,"pph23":0,"ppn_by":"","price_sub_total":271356784,"product_ppn":0,"shipping_cost":0,"shipping_cost_pph":0,"shipping_cost_ppn":0,"step":1,"total_pph":14351758,"total_ppn":29849246,"total_step":4,"va_number":""},"vendor":{"id":"62a7079031bfe7a364644444","address":"Kantor Taman E3.3","city":"Jakarta Selatan","district":"Setiabudi","name":"PT. DAYA DIMENSI INDONESIA","province":"Jakarta","zipcode":"12910","email":"xxxx@gmail.com","nomor_telepon":"081xxxxxx","npwp":"9291389128"}}]},"message":"ok"}"#;

    #[test]
    fn reads_the_seed_example() {
        let page = TerminPage::parse(SEED.as_bytes()).unwrap();
        assert_eq!(page.meta().total_data, Some(1));
        let t = &page.transactions()[0];
        assert_eq!(t.general.status_name, "Diproses Penjual");
        let p = &t.payment;
        assert_eq!(
            p.price_sub_total.unwrap() - p.total_pph.unwrap(),
            p.bill_amount.unwrap()
        );
        assert_eq!(p.bill_amount.unwrap().rupiah(), "Rp 257.005.026");
        assert_eq!((p.step, p.total_step), (Some(1), Some(4)));
        assert_eq!(t.vendor.npwp, "9291389128");
    }

    #[test]
    fn money_as_strings_and_floats_is_exact() {
        let page = TerminPage::parse(
            br#"{"data":{"transaction-termin":[{"payment":{"bill_amount":"38710000.50","pph23":790000.25,"step":"2"}}]}}"#,
        )
        .unwrap();
        let p = &page.transactions()[0].payment;
        assert_eq!(p.bill_amount.unwrap().plain(), "38710000.5");
        assert_eq!(p.pph23.unwrap().plain(), "790000.25");
        assert_eq!(p.step, Some(2));
    }

    #[test]
    fn null_list_is_empty() {
        let page = TerminPage::parse(br#"{"status":"success","data":{"transaction-termin":null}}"#)
            .unwrap();
        assert!(page.transactions().is_empty());
    }
}
