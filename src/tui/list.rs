//! Moving through a long list and keeping the selection on screen: one rule for the queue,
//! the outbox and the termin table.

/// The selection after moving `delta` rows in a list of `len` (clamped to the list).
pub fn step(selected: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (selected as isize)
        .saturating_add(delta)
        .clamp(0, len as isize - 1) as usize
}

/// The first row to show so that `selected` is within a window of `height` rows.
pub fn scrolled(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    };
    offset.min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_clamp_and_the_window_follows() {
        assert_eq!(step(0, -5, 10), 0);
        assert_eq!(step(8, 5, 10), 9);
        assert_eq!(step(3, isize::MAX, 10), 9);
        assert_eq!(step(0, 1, 0), 0);
        assert_eq!(scrolled(0, 9, 4, 10), 6);
        assert_eq!(scrolled(6, 2, 4, 10), 2);
        assert_eq!(scrolled(5, 6, 4, 10), 5);
        assert_eq!(scrolled(8, 9, 4, 10), 6, "never past the end");
    }
}
