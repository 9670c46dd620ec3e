//! Page numbers from a query string, made safe to compute with.

/// The highest page number honoured; far beyond any real list, far from overflow.
pub const MAX_PAGE: i64 = 1_000_000;

/// The page asked for, within `1..=MAX_PAGE` (missing: the first).
pub fn page(asked: Option<i64>) -> i64 {
    asked.unwrap_or(1).clamp(1, MAX_PAGE)
}

/// Rows to skip for `page` of `size` rows.
pub fn offset(page: i64, size: i64) -> i64 {
    (page.clamp(1, MAX_PAGE) - 1).saturating_mul(size)
}

/// Counting stops this many rows past the start of the page shown: an exact
/// number for a broad filter means reading every matching row on every view,
/// and nobody pages twenty pages ahead.
pub const COUNT_AHEAD: i64 = 1_000;

/// How many rows match, as far as counting went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Total {
    Exact(i64),
    /// More than this many.
    MoreThan(i64),
}

/// The most rows to count for a page starting at `offset`: one past the
/// horizon, so that "more" shows.
pub fn count_limit(offset: i64) -> i64 {
    offset.saturating_add(COUNT_AHEAD).saturating_add(1)
}

impl Total {
    /// What counting at most `count_limit(offset)` rows found.
    pub fn counted(offset: i64, counted: i64) -> Self {
        let horizon = offset.saturating_add(COUNT_AHEAD);
        if counted > horizon { Self::MoreThan(horizon) } else { Self::Exact(counted) }
    }

    /// The pages known to exist (for `MoreThan`, at least this many).
    pub fn pages(self, size: i64) -> i64 {
        let rows = match self {
            Self::Exact(n) => n,
            Self::MoreThan(n) => n.saturating_add(1),
        };
        (rows.saturating_add(size - 1) / size).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_page_number_gives_a_computable_offset() {
        assert_eq!((page(None), page(Some(0)), page(Some(-5)), page(Some(i64::MAX))), (1, 1, 1, MAX_PAGE));
        assert_eq!(offset(3, 50), 100);
        assert_eq!(offset(i64::MAX, 50), (MAX_PAGE - 1) * 50);
    }

    #[test]
    fn counting_stops_a_thousand_rows_past_the_page_and_says_more() {
        assert_eq!(count_limit(0), 1_001);
        assert_eq!(Total::counted(0, 1_000), Total::Exact(1_000));
        assert_eq!(Total::counted(0, 1_001), Total::MoreThan(1_000));
        assert_eq!(Total::counted(950, 1_951), Total::MoreThan(1_950));
        assert_eq!(Total::counted(950, 1_200), Total::Exact(1_200));
        assert_eq!((Total::Exact(0).pages(50), Total::Exact(50).pages(50), Total::Exact(51).pages(50)), (1, 1, 2));
        assert_eq!(Total::MoreThan(1_000).pages(50), 21);
        assert_eq!(count_limit(i64::MAX), i64::MAX);
    }
}
