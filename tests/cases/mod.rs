mod apply;
mod browser;
mod cli;
mod outbox;
mod public_pages;
mod staff;
mod web_shell;
