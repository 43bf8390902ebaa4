//! The Today page: the agent's day in figures, from the local outbox (so it is right offline
//! too), computed by `domain::today` as `deskcoll today` computes it.

mod view;

pub use view::draw;

use crate::domain::today::{Judging, TodaySummary};
use crate::tui::pages::Cx;

pub fn summary(cx: &Cx) -> TodaySummary {
    let judging = Judging {
        reads: &cx.desk.reads,
        grace_days: cx.settings.promise_grace_days,
        rules: &cx.settings.rules,
    };
    TodaySummary::of(
        &cx.desk.records(),
        cx.clock.now(),
        &cx.desk.promises,
        cx.desk.broken.clone(),
        &judging,
    )
}
