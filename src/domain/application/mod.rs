//! An application: the form, its parsing, the reference and the workflow.
pub mod birth_date;
pub mod form;
pub mod reference;
pub mod status;
pub mod values;

#[cfg(test)]
mod form_profile_tests;
#[cfg(test)]
mod form_tests;

pub use form::{ApplicationFields, Field, FieldError, FormSpec, Problem, ReflectiveAnswers, Submission};
pub use reference::Reference;
pub use status::Status;
