use super::TerminTab;
use super::desk_view::{blocks, col, money_in, right, widths_of};
use crate::domain::Money;
use crate::domain::termin::Transaction;
use crate::domain::text::sanitize;
use crate::i18n::Lang;
use crate::tr;
use crate::tui::layout::{self, Areas};
use crate::tui::list::render_table;
use crate::tui::pages::Cx;
use crate::tui::view::{Theme, spinner};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Gauge, Paragraph, Row, Table, Wrap};

fn money(m: Option<Money>) -> String {
    m.map(|m| m.rupiah()).unwrap_or_else(|| "—".into())
}

fn step(t: &Transaction) -> String {
    match (t.payment.step, t.payment.total_step) {
        (Some(a), Some(b)) => format!("{a}/{b}"),
        (Some(a), None) => a.to_string(),
        _ => "—".into(),
    }
}

/// A time of the transaction, in WIB and labelled (`2026-12-07 15:44 WIB`), as the filters
/// and groups read it whatever the desk's own zone.
fn when(s: &str) -> String {
    if s.trim().is_empty() {
        return "—".into();
    }
    sanitize(&crate::domain::termin_desk::wib_text(s)).into_owned()
}

/// The entry time in WIB in `format`, or the text as sent.
fn entry_wib(s: &str, format: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(s.trim()) {
        Ok(t) => t
            .with_timezone(&crate::domain::termin_desk::wib())
            .format(format)
            .to_string(),
        Err(_) => sanitize(s).into_owned(),
    }
}

pub fn draw(frame: &mut Frame, t: &TerminTab, cx: &Cx, theme: &Theme, areas: &Areas) {
    let loaded = t.all.is_some();
    if t.desk.changed_only && loaded {
        super::desk_view::changes(frame, t, cx, theme, areas.queue);
    } else if t.desk.showing_ageing() && loaded {
        super::desk_view::ageing(frame, t, cx, theme, areas.queue);
    } else if t.desk.showing_groups() && loaded {
        super::desk_view::groups(frame, t, cx, theme, areas.queue);
    } else {
        list(frame, t, cx, theme, areas.queue);
    }
    if t.show_totals {
        totals(frame, t, theme, areas.detail, cx.settings.lang);
    } else {
        detail(frame, t, cx, theme, areas.detail);
    }
}

fn list(frame: &mut Frame, t: &TerminTab, cx: &Cx, theme: &Theme, area: Rect) {
    let lang = cx.settings.lang;
    let scope = match &t.all {
        Some(all) => tr!(lang, "termin-scope-all", n = all.len()),
        // A first page that failed is not "loading": the title says it was not read.
        None if !t.loaded && t.loading.is_none() && t.error.is_some() => {
            tr!(lang, "termin-scope-failed")
        }
        None if !t.loaded => tr!(lang, "termin-scope-loading"),
        None => tr!(
            lang,
            "termin-scope-page",
            page = t.page,
            of = t.total_pages().max(1),
            n = t.meta.total_data.unwrap_or(0),
            limit = t.limit
        ),
    };
    let mut title = format!(
        " {} ",
        tr!(
            lang,
            "termin-title",
            position = t.cursor.position(t.view.len(), lang),
            scope = scope
        )
    );
    let filtered = t.filtered();
    if let Some(s) = t.status_words(lang) {
        title.push_str(&format!(
            "· {} ",
            tr!(lang, "termin-status", status = sanitize(&s))
        ));
    }
    if !t.search.is_empty() {
        title.push_str(&format!("· /{} ", sanitize(&t.search)));
    }
    for part in t.desk.describe(lang) {
        title.push_str(&format!("· {part} "));
    }
    if filtered && !t.over_all() {
        title.push_str(&format!("· {} ", tr!(lang, "termin-page-only")));
    }
    if let Some(p) = t.loading {
        title.push_str(&format!(
            "· {} {} ",
            spinner(cx.ticks),
            tr!(lang, "termin-loading-page", page = p)
        ));
        if let Some(arriving) = &t.arriving {
            title.push_str(&format!("· {arriving} "));
        }
    }
    let title = crate::tui::view::fit(&title, area.width.saturating_sub(2) as usize);
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.border_focus());

    if let Some(p) = &t.load_all {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let ratio = if p.of > 0 {
            (p.page as f64 / p.of as f64).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let gauge = Gauge::default()
            .gauge_style(theme.title())
            .ratio(ratio)
            .label(tr!(
                lang,
                "termin-gauge",
                page = p.page,
                of = p.of,
                n = p.count
            ));
        frame.render_widget(gauge, layout::middle_line(inner));
        return;
    }
    if t.view.is_empty() {
        let text = if !t.loaded && t.loading.is_some() {
            format!("{} {}", spinner(cx.ticks), tr!(lang, "termin-loading"))
        } else if let (false, Some(e)) = (t.loaded, &t.error) {
            tr!(lang, "termin-load-failed", error = sanitize(e))
        } else if t.source().is_empty() && t.page <= 1 {
            tr!(lang, "termin-none")
        } else if t.source().is_empty() {
            tr!(lang, "termin-page-empty", page = t.page)
        } else {
            tr!(lang, "termin-no-match")
        };
        frame.render_widget(
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }

    // Columns join as the width allows: vendor from 100, buyer and subtotal from 140, PR
    // number and taxes from 190. The column sorted by (buyer, vendor) shows at any width.
    let inner = area.width.saturating_sub(2);
    let with_vendor = inner >= 100;
    let medium = inner >= 140;
    let wide = inner >= 190;
    let sorted_by = t.desk.sort.map(|(c, _)| c);
    use crate::domain::termin_desk::Column;
    let show_buyer = medium || sorted_by == Some(Column::Buyer);
    let show_vendor = with_vendor || sorted_by == Some(Column::Vendor);
    // A narrow screen showing a name it would not: the date shortens to make room.
    let squeezed = (show_buyer && !medium) || (show_vendor && !with_vendor);
    let (date_format, date_width) = if with_vendor {
        ("%Y-%m-%d %H:%M", 16)
    } else if squeezed {
        ("%m-%d", 5)
    } else {
        ("%m-%d %H:%M", 11)
    };
    // Wide enough for a trillion without "Rp " (19) or with it (20).
    let bill_width = if with_vendor { 20 } else { 19 };
    let mut header = vec![
        tr!(lang, "termin-col-entry-wib"),
        tr!(lang, "termin-col-po"),
    ];
    let mut constraints = vec![Constraint::Length(date_width), Constraint::Length(23)];
    if wide {
        header.push(tr!(lang, "termin-col-pr"));
        constraints.push(Constraint::Length(23));
    }
    if show_buyer {
        header.push(tr!(lang, "termin-col-buyer"));
        constraints.push(Constraint::Min(10));
    }
    if show_vendor {
        header.push(tr!(lang, "termin-col-vendor"));
        constraints.push(Constraint::Min(10));
    }
    header.extend([
        tr!(lang, "termin-col-status"),
        tr!(lang, "termin-col-step"),
        tr!(lang, "termin-col-bill"),
    ]);
    constraints.extend([
        Constraint::Length(if with_vendor {
            19
        } else if squeezed {
            12
        } else {
            16
        }),
        Constraint::Length(5),
        Constraint::Length(bill_width),
    ]);
    let bill_at = constraints.len() - 1;
    if medium {
        header.push(tr!(lang, "termin-col-subtotal"));
        constraints.push(Constraint::Length(18));
    }
    if wide {
        header.extend([tr!(lang, "termin-col-pph"), tr!(lang, "termin-col-ppn")]);
        constraints.extend([Constraint::Length(16), Constraint::Length(16)]);
    }
    let widths = widths_of(&constraints, inner);
    let cell_money = |m: Option<Money>, at: usize| match m {
        Some(m) => money_in(&crate::domain::money::Total::of(m), col(&widths, at)),
        None => right("—".into()),
    };
    let rows = t.view[t.cursor.window(area, t.view.len())]
        .iter()
        .map(|&i| {
            let tx = &t.source()[i];
            let g = &tx.general;
            let p = &tx.payment;
            let mut cells = vec![
                Cell::from(entry_wib(&g.entry_date, date_format)),
                // New or changed since the earlier look: marked with a sign, not a colour only.
                Cell::from(
                    match &t.desk.changes {
                        Some(c) if c.marks(tx) => "● ",
                        _ => "",
                    }
                    .to_string()
                        + &sanitize(&g.purchase_order_number),
                ),
            ];
            if wide {
                cells.push(Cell::from(
                    sanitize(&g.purchase_request_number).into_owned(),
                ));
            }
            if show_buyer {
                cells.push(Cell::from(sanitize(&g.buyer_name).into_owned()));
            }
            if show_vendor {
                cells.push(Cell::from(sanitize(&tx.vendor.name).into_owned()));
            }
            cells.extend([
                Cell::from(sanitize(&g.status_name).into_owned()),
                right(step(tx)),
                cell_money(p.bill_amount, bill_at),
            ]);
            if medium {
                cells.push(cell_money(p.price_sub_total, bill_at + 1));
            }
            if wide {
                cells.push(cell_money(p.total_pph, bill_at + 2));
                cells.push(cell_money(p.total_ppn, bill_at + 3));
            }
            Row::new(cells)
        });
    let table = Table::new(rows, constraints)
        .header(Row::new(header).style(theme.label()))
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block);
    render_table(frame, table, area, t.cursor);
}

fn detail(frame: &mut Frame, t: &TerminTab, cx: &Cx, theme: &Theme, area: Rect) {
    let lang = cx.settings.lang;
    let block = Block::bordered()
        .title(format!(" {} ", tr!(lang, "termin-detail-title")))
        .border_style(theme.border());
    let Some(tx) = t.selected_transaction() else {
        frame.render_widget(
            Paragraph::new(tr!(lang, "termin-none-selected")).block(block),
            area,
        );
        return;
    };
    let s = |v: &str| {
        if v.trim().is_empty() {
            "—".to_string()
        } else {
            sanitize(v).into_owned()
        }
    };
    let (g, p, v, b) = (&tx.general, &tx.payment, &tx.vendor, &tx.buyer_group);
    let labels = [
        tr!(lang, "termin-general"),
        tr!(lang, "termin-buyer"),
        tr!(lang, "termin-payment"),
        tr!(lang, "termin-vendor"),
    ];
    let label_width = labels
        .iter()
        .map(|l| l.chars().count() + 1)
        .max()
        .unwrap_or(9)
        .max(9);
    let label = |l: &str| Span::styled(format!("{l:<label_width$}"), theme.label());
    let mut lines = vec![
        Line::from(vec![
            Span::styled(s(&g.purchase_order_number), theme.title()),
            Span::raw("  "),
            Span::styled(s(&g.status_name), theme.warn()),
            Span::raw(format!("  {}", tr!(lang, "termin-step", step = step(tx)))),
        ]),
        Line::from(vec![
            label(&labels[0]),
            Span::raw(tr!(
                lang,
                "termin-general-value",
                pr = s(&g.purchase_request_number),
                invoice = s(&g.invoice_number),
                invoiced = when(&g.invoice_date),
                entered = when(&g.entry_date),
                changed = when(&g.status_change_date)
            )),
        ]),
        Line::from(vec![
            label(&labels[1]),
            Span::raw(tr!(
                lang,
                "termin-buyer-value",
                buyer = s(&g.buyer_name),
                user_name = s(&b.user_name),
                group = s(&b.name),
                bumn = s(&b.bumn_id),
                user = s(&b.user_id)
            )),
        ]),
        Line::from(vec![
            label(&labels[2]),
            Span::raw(format!("{} ", tr!(lang, "termin-subtotal"))),
            Span::styled(money(p.price_sub_total), theme.figure()),
            Span::raw(format!(
                " · {}",
                tr!(
                    lang,
                    "termin-shipping",
                    cost = money(p.shipping_cost),
                    ppn = money(p.shipping_cost_ppn),
                    pph = money(p.shipping_cost_pph)
                )
            )),
        ]),
        Line::from(vec![
            label(""),
            Span::raw(tr!(
                lang,
                "termin-taxes",
                ppn = money(p.total_ppn),
                product = money(p.product_ppn),
                by = s(&p.ppn_by),
                pph21 = money(p.pph21),
                pph22 = money(p.pph22),
                pph23 = money(p.pph23),
                pph = money(p.total_pph)
            )),
        ]),
        Line::from(vec![
            label(""),
            Span::raw(format!("{} ", tr!(lang, "termin-bill"))),
            Span::styled(money(p.bill_amount), theme.figure()),
            Span::raw(format!(
                " · {}",
                tr!(
                    lang,
                    "termin-bank",
                    bank = s(&p.bank_name),
                    va = s(&p.va_number),
                    method = s(&p.payment_method),
                    holder = s(&p.bank_holder),
                    step = step(tx)
                )
            )),
        ]),
        Line::from(vec![
            label(&labels[3]),
            Span::styled(s(&v.name), theme.figure()),
            Span::raw(format!(
                " · {}, {}, {}, {} {}",
                s(&v.address),
                s(&v.district),
                s(&v.city),
                s(&v.province),
                s(&v.zipcode)
            )),
        ]),
    ];
    let extras: Vec<String> = [
        (tr!(lang, "termin-email"), &v.email),
        (tr!(lang, "termin-phone"), &v.nomor_telepon),
        ("NPWP".to_string(), &v.npwp),
    ]
    .iter()
    .filter(|(_, val)| !val.is_empty())
    .map(|(k, val)| format!("{k} {}", sanitize(val)))
    .collect();
    if !extras.is_empty() {
        lines.push(Line::from(vec![label(""), Span::raw(extras.join(" · "))]));
    }
    // Long values wrap under themselves, not under the labels.
    crate::tui::view::draw_hanging(frame, lines, block, area, label_width);
}

/// Totals of what is shown (the filters in force: status, search, dates, a group or band) by
/// status, each with a bar scaled to the largest status's bill amount (the amounts written in
/// full beside it), what is shown and the whole set, and the largest vendors of what is shown.
fn totals(frame: &mut Frame, tab: &TerminTab, theme: &Theme, area: Rect, lang: Lang) {
    let Some(whole) = &tab.totals else { return };
    let shown_all = tab.view.len() == tab.source().len();
    let shown = crate::domain::termin_view::Totals::of(tab.view.iter().map(|&i| &tab.source()[i]));
    let mut what: Vec<String> = Vec::new();
    if let Some(s) = tab.status_words(lang) {
        what.push(s);
    }
    if !tab.search.is_empty() {
        what.push(format!("/{}", sanitize(&tab.search)));
    }
    what.extend(tab.desk.describe(lang));
    let title = if shown_all && what.is_empty() {
        tr!(lang, "termin-totals-title")
    } else {
        tr!(
            lang,
            "termin-totals-shown-title",
            what = if what.is_empty() {
                tr!(lang, "termin-totals-what-all")
            } else {
                what.join(" · ")
            },
            n = whole.grand.count
        )
    };
    let block = Block::bordered()
        .title(crate::tui::view::fit(
            &format!(" {title} "),
            area.width.saturating_sub(2) as usize,
        ))
        .border_style(theme.border_focus());
    let t = &shown;
    // The domain's words for a missing status or vendor.
    let name = |s: &str| match s {
        "(no status)" => format!("({})", tr!(lang, "termin-no-status")),
        "(no vendor)" => format!("({})", tr!(lang, "termin-no-vendor")),
        other => sanitize(other).into_owned(),
    };
    let vendors = t.top_vendors(5);
    let header = [
        tr!(lang, "termin-col-status"),
        tr!(lang, "termin-totals-count"),
        tr!(lang, "termin-col-bill"),
    ];
    let all = tr!(lang, "termin-totals-all");
    let shown_word = tr!(lang, "termin-totals-shown");
    let top = tr!(lang, "termin-totals-top-vendors");
    // The names' column as wide as the longest name, the bars what is left (at least
    // BAR_MIN): besides the borders, the two figures and the gaps between four columns.
    const COUNT: u16 = 6;
    const BILL: u16 = 20;
    const BAR_MIN: u16 = 8;
    let fixed = 2 + COUNT + BILL + 3;
    let longest = t
        .by_status
        .keys()
        .chain(vendors.iter().map(|(v, _)| *v))
        .map(|s| name(s))
        .chain([
            header[0].clone(),
            all.clone(),
            top.clone(),
            shown_word.clone(),
        ])
        .map(|n| Line::raw(n).width())
        .max()
        .unwrap_or(0);
    let name_width = (longest as u16).min(area.width.saturating_sub(fixed + BAR_MIN));
    let bar_width = area.width.saturating_sub(fixed + name_width) as usize;
    let constraints = [
        Constraint::Length(name_width),
        Constraint::Length(COUNT),
        Constraint::Length(BILL),
        Constraint::Fill(1),
    ];
    let widths = widths_of(&constraints, area.width.saturating_sub(2));
    let bill = |m: &crate::domain::money::Total| money_in(m, col(&widths, 2));
    let largest = t
        .by_status
        .values()
        .map(|sum| sum.bill.or_zero())
        .max()
        .unwrap_or(Money::ZERO);
    let mut rows: Vec<Row> = t
        .by_status
        .iter()
        .map(|(status, sum)| {
            Row::new(vec![
                Cell::from(name(status)),
                right(sum.count.to_string()),
                bill(&sum.bill),
                Cell::from(Line::styled(
                    blocks(sum.bill.or_zero(), largest, bar_width),
                    theme.figure(),
                )),
            ])
        })
        .collect();
    if !(shown_all && what.is_empty()) {
        rows.push(
            Row::new(vec![
                Cell::from(shown_word),
                right(t.grand.count.to_string()),
                bill(&t.grand.bill),
            ])
            .style(theme.figure()),
        );
    }
    rows.push(
        Row::new(vec![
            Cell::from(all),
            right(whole.grand.count.to_string()),
            bill(&whole.grand.bill),
        ])
        .style(theme.figure()),
    );
    rows.push(Row::new(vec![Cell::from("")]));
    rows.push(Row::new(vec![Cell::from(top)]).style(theme.label()));
    for (vendor, sum) in vendors {
        rows.push(Row::new(vec![
            Cell::from(name(vendor)),
            right(sum.count.to_string()),
            bill(&sum.bill),
        ]));
    }
    let table = Table::new(rows, constraints)
        .header(Row::new(header).style(theme.label()))
        .column_spacing(1)
        .block(block);
    frame.render_widget(table, area);
}
