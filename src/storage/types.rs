//! Domain values read and written as PostgreSQL `text`: storage decodes a
//! stored status or address into its domain type once, so no layer above
//! compares stored strings. The domain stays free of sqlx; the impls live here.

/// Implements sqlx's `Type`, `Decode` and `Encode` for `$ty` stored as text:
/// written as `value.$key()`, read back through `$parse(&str) -> Result<$ty, _>`.
/// A stored text that does not parse is a decode error (a fault, never input).
///
/// ```ignore
/// text_column!(Status, key, |text: &str| text.parse::<Status>());
/// ```
macro_rules! text_column {
    ($ty:ty, $key:ident, $parse:expr) => {
        impl sqlx::Type<sqlx::Postgres> for $ty {
            fn type_info() -> sqlx::postgres::PgTypeInfo {
                <&str as sqlx::Type<sqlx::Postgres>>::type_info()
            }

            fn compatible(ty: &sqlx::postgres::PgTypeInfo) -> bool {
                <&str as sqlx::Type<sqlx::Postgres>>::compatible(ty)
            }
        }

        impl<'r> sqlx::Decode<'r, sqlx::Postgres> for $ty {
            fn decode(value: sqlx::postgres::PgValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <&str as sqlx::Decode<sqlx::Postgres>>::decode(value)?;
                ($parse)(text).map_err(|_| format!("unreadable stored {}", stringify!($ty)).into())
            }
        }

        impl sqlx::Encode<'_, sqlx::Postgres> for $ty {
            fn encode_by_ref(
                &self,
                buf: &mut sqlx::postgres::PgArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                let key: &str = self.$key();
                <&str as sqlx::Encode<sqlx::Postgres>>::encode_by_ref(&key, buf)
            }
        }
    };
}
pub(crate) use text_column;

use crate::domain::{application::Status, email_address::EmailAddress, staff::Role};

text_column!(Status, key, |text: &str| text.parse::<Status>());
text_column!(Role, as_str, |text: &str| text.parse::<Role>());
text_column!(EmailAddress, as_str, EmailAddress::parse);
