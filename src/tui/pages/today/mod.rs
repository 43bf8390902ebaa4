//! The Today page: the agent's day in figures, from the local outbox (so it is right offline
//! too), computed by `domain::today` as `deskcoll today` computes it.

mod view;

pub use view::draw;

use crate::domain::today::TodaySummary;
use crate::tui::pages::Cx;

pub fn summary(cx: &Cx) -> TodaySummary {
    TodaySummary::of(
        &cx.desk.records(),
        cx.clock.now_local().date(),
        &cx.desk.promises,
        cx.desk.broken.clone(),
    )
}
