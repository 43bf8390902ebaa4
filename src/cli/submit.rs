use super::{EXIT_INVALID, Failure, Session};
use crate::domain::ResultDraft;

#[derive(clap::Args, Debug)]
pub struct SubmitArgs {
    /// Account (contract) number.
    #[arg(long)]
    pub account: String,
    /// Action code, e.g. PTP, MSG, BPH, NCT.
    #[arg(long)]
    pub action: String,
    /// Result code, e.g. PTP01 (none for BPH and MSG).
    #[arg(long, default_value = "")]
    pub result: String,
    /// Promise date for PTP: YYYY-MM-DD or +N days.
    #[arg(long, default_value = "")]
    pub promise: String,
    /// Installment period (tenor) the result is about.
    #[arg(long, default_value = "0")]
    pub period: String,
    /// What the customer said.
    #[arg(long)]
    pub remark: String,
    /// Customer name (the server fills its own).
    #[arg(long, default_value = "")]
    pub name: String,
}

pub async fn run(session: &Session, args: SubmitArgs) -> Result<(), Failure> {
    let draft = ResultDraft {
        account_no: args.account,
        cust_name: args.name,
        action_code: args.action,
        result_code: args.result,
        promise_date: args.promise,
        period: args.period,
        remark: args.remark,
        agent_id: session.config.agent_id.clone(),
        ip_address: session.config.ip_address(),
    };
    let result = draft
        .validate(session.clock.now_local())
        .map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            Failure::new(
                EXIT_INVALID,
                format!("invalid result, nothing sent:\n  {}", lines.join("\n  ")),
            )
        })?;
    let answer = session.client.submit(&result).await?;
    println!(
        "{} {}",
        answer.respon_code,
        crate::domain::text::sanitize(&answer.respon_mess)
    );
    Ok(())
}
