mod apply;
mod browser;
mod cli;
mod outbox;
mod public_pages;
mod review;
mod staff;
mod web_shell;
