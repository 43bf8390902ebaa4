use super::output::{self, emit, opt};
use super::{Failure, Format, Session};
use crate::domain::{Transaction, dates};

const CSV_HEADERS: [&str; 14] = [
    "entry_date",
    "purchase_order_number",
    "purchase_request_number",
    "invoice_number",
    "buyer_name",
    "vendor_name",
    "status_name",
    "step",
    "total_step",
    "price_sub_total",
    "total_ppn",
    "total_pph",
    "bill_amount",
    "bank_name",
];

fn csv_row(t: &Transaction) -> Vec<String> {
    let p = &t.payment;
    let plain = |m: Option<crate::domain::Money>| opt(m.map(|m| m.plain()));
    vec![
        t.general.entry_date.clone(),
        t.general.purchase_order_number.clone(),
        t.general.purchase_request_number.clone(),
        t.general.invoice_number.clone(),
        t.general.buyer_name.clone(),
        t.vendor.name.clone(),
        t.general.status_name.clone(),
        opt(p.step),
        opt(p.total_step),
        plain(p.price_sub_total),
        plain(p.total_ppn),
        plain(p.total_pph),
        plain(p.bill_amount),
        p.bank_name.clone(),
    ]
}

/// Entry dates arrive in UTC; people read them in local time.
pub fn local_date(s: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(s.trim()) {
        Ok(t) => t
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => dates::parse_datetime(s)
            .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(|| s.to_string()),
    }
}

fn table_row(t: &Transaction) -> Vec<String> {
    vec![
        local_date(&t.general.entry_date),
        t.general.purchase_order_number.clone(),
        t.general.buyer_name.clone(),
        t.vendor.name.clone(),
        t.general.status_name.clone(),
        format!("{}/{}", opt(t.payment.step), opt(t.payment.total_step)),
        opt(t.payment.bill_amount),
    ]
}

pub async fn run(
    session: &Session,
    page: i64,
    limit: i64,
    all: bool,
    format: Format,
) -> Result<(), Failure> {
    let mut collected: Vec<Transaction> = Vec::new();
    let mut first_json = true;
    let mut current = page;
    let mut last_meta;
    if format == Format::Json {
        emit(b"[")?;
    }
    loop {
        let p = session.client.termin_page(current, limit).await?;
        last_meta = p.meta();
        // CSV and JSON stream page by page; a table needs every row for its widths.
        match format {
            Format::Csv => emit(&output::csv(
                &CSV_HEADERS,
                &p.transactions().iter().map(csv_row).collect::<Vec<_>>(),
                current == page,
            )?)?,
            Format::Json => {
                for t in p.transactions() {
                    let mut chunk = if first_json {
                        b"\n".to_vec()
                    } else {
                        b",\n".to_vec()
                    };
                    first_json = false;
                    chunk
                        .extend(serde_json::to_vec(t).map_err(|e| Failure::new(1, e.to_string()))?);
                    emit(&chunk)?;
                }
            }
            Format::Table => collected.extend(p.transactions().iter().cloned()),
        }
        let total_pages = last_meta.total_page.unwrap_or(0);
        if !all || p.transactions().is_empty() || current >= total_pages {
            break;
        }
        current += 1;
    }
    if format == Format::Json {
        emit(b"\n]\n")?;
    }
    let summary = format!(
        "page {} of {}, {} transactions",
        if all {
            last_meta.total_page.unwrap_or(0).min(current)
        } else {
            current
        },
        last_meta.total_page.unwrap_or(0),
        last_meta.total_data.unwrap_or(0)
    );
    if format == Format::Table {
        let rows: Vec<_> = collected.iter().map(table_row).collect();
        let mut text = output::table(
            &[
                "ENTRY DATE",
                "PO NUMBER",
                "BUYER",
                "VENDOR",
                "STATUS",
                "STEP",
                "BILL AMOUNT",
            ],
            &rows,
            &[5, 6],
        );
        if collected.is_empty() {
            text = "no termin transactions\n".into();
        }
        text.push_str(&summary);
        text.push('\n');
        emit(text.as_bytes())
    } else {
        eprintln!("{summary}");
        Ok(())
    }
}
