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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_page_number_gives_a_computable_offset() {
        assert_eq!((page(None), page(Some(0)), page(Some(-5)), page(Some(i64::MAX))), (1, 1, 1, MAX_PAGE));
        assert_eq!(offset(3, 50), 100);
        assert_eq!(offset(i64::MAX, 50), (MAX_PAGE - 1) * 50);
    }
}
