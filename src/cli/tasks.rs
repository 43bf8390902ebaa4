use super::output::{self, emit, opt};
use super::{Failure, Format, Session};
use crate::domain::Task;

const HEADERS: [&str; 13] = [
    "contract_no",
    "name",
    "overdue",
    "total_amount",
    "installment_amount",
    "installment_no",
    "total_installments",
    "penalty",
    "osar",
    "due_date",
    "branch_name",
    "product",
    "phone1",
];

fn csv_row(t: &Task) -> Vec<String> {
    vec![
        t.contract_no.clone(),
        t.name.clone(),
        opt(t.overdue),
        opt(t.total_due.map(|m| m.plain())),
        opt(t.installment_amount().map(|m| m.plain())),
        t.installment_no().to_string(),
        opt(t.total_installments),
        opt(t.penalty.map(|m| m.plain())),
        opt(t.osar.map(|m| m.plain())),
        opt(t.due_date),
        t.branch_name.clone(),
        t.product.clone(),
        t.phone1.clone(),
    ]
}

pub async fn run(session: &Session, format: Format) -> Result<(), Failure> {
    let tasks = session.client.tasks().await?;
    match format {
        Format::Json => {
            emit(&serde_json::to_vec_pretty(&tasks).map_err(|e| Failure::new(1, e.to_string()))?)
        }
        Format::Csv => {
            let rows: Vec<_> = tasks.iter().map(csv_row).collect();
            emit(&output::csv(&HEADERS, &rows, true)?)
        }
        Format::Table => {
            let rows: Vec<_> = tasks
                .iter()
                .map(|t| {
                    vec![
                        t.contract_no.clone(),
                        t.name.clone(),
                        opt(t.overdue),
                        opt(t.total_due),
                        opt(t.installment_amount()),
                        format!("{}/{}", t.installment_no(), opt(t.total_installments)),
                        t.branch_name.clone(),
                        t.product.clone(),
                    ]
                })
                .collect();
            let mut text = output::table(
                &[
                    "CONTRACT",
                    "NAME",
                    "OVERDUE",
                    "TOTAL DUE",
                    "INSTALLMENT",
                    "N/OF",
                    "BRANCH",
                    "PRODUCT",
                ],
                &rows,
                &[2, 3, 4, 5],
            );
            text.push_str(&format!(
                "{} tasks{}\n",
                tasks.len(),
                if session.is_demo() {
                    " (demo twin)"
                } else {
                    ""
                }
            ));
            emit(text.as_bytes())
        }
    }
}
