#[cfg(test)]
mod architecture_tests;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod embedded_pg;
pub mod flows;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod sealing;
pub mod startup;
pub mod storage;
pub mod telemetry;
pub mod tokens;
pub mod web;
