//! A real SMTP server for the tests: accepts every message and keeps it.
use std::{net::SocketAddr, sync::Arc, time::Duration};

use mail_parser::{MessageParser, MimeHeaders};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::{TcpListener, TcpStream},
    sync::{Mutex, Notify},
    task::JoinHandle,
};

/// A delivered message, parsed.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// (file name, content type, content)
    pub attachments: Vec<(String, String, String)>,
    /// The `method=` parameter of each attachment's content type.
    pub attachment_methods: Vec<Option<String>>,
    pub message_id: String,
    pub raw: String,
    /// What breaks the rules every mail of optag keeps; `mails()` panics on any.
    pub problems: Vec<String>,
}

impl Mail {
    fn parse(to: Vec<String>, raw: Vec<u8>) -> Self {
        let message = MessageParser::default().parse(&raw).expect("a parsable message");
        let attachments = message
            .attachments()
            .map(|a| {
                let ct = a
                    .content_type()
                    .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")))
                    .unwrap_or_default();
                (a.attachment_name().unwrap_or("").to_string(), ct, String::from_utf8_lossy(a.contents()).into_owned())
            })
            .collect();
        let attachment_methods = message
            .attachments()
            .map(|a| a.content_type().and_then(|c| c.attribute("method")).map(str::to_string))
            .collect();
        let problems = problems(&to, &raw, &message);
        Self {
            attachment_methods,
            message_id: message.message_id().unwrap_or("").to_string(),
            problems,
            to,
            subject: message.subject().unwrap_or("").to_string(),
            text: message.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
            html: message.body_html(0).map(|t| t.into_owned()).unwrap_or_default(),
            attachments,
            raw: String::from_utf8_lossy(&raw).into_owned(),
        }
    }

    /// The first absolute link in the text part whose path starts with `prefix`.
    pub fn link(&self, prefix: &str) -> Option<String> {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with("http") && url::Url::parse(w).is_ok_and(|u| u.path().starts_with(prefix)))
            .map(str::to_string)
    }

    /// The path (and query) of that link, for requests to the test app.
    pub fn link_path(&self, prefix: &str) -> String {
        let link = self.link(prefix).unwrap_or_else(|| panic!("no {prefix} link in:\n{}", self.text));
        let url = url::Url::parse(&link).unwrap();
        url.path().to_string()
    }
}

/// The rules every mail keeps, read with mail-parser (which optag did not
/// write): headers in ASCII (non-ASCII only as RFC 2047 encoded words), a
/// text and an HTML part, links absolute and whole, recipients' domains in
/// punycode, no bare CR or other control characters in the text.
fn problems(to: &[String], raw: &[u8], message: &mail_parser::Message<'_>) -> Vec<String> {
    let mut found = Vec::new();
    let head_end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(raw.len());
    // An address beyond ASCII travels only with SMTPUTF8, whose headers are
    // UTF-8 (RFC 6532); every other mail's headers are ASCII.
    let smtputf8 = to.iter().any(|t| !t.is_ascii());
    if !smtputf8 && !raw[..head_end].is_ascii() {
        found.push("a header is not ASCII (nor RFC 2047)".to_string());
    }
    let (text, html) = (message.body_text(0), message.body_html(0));
    if message.text_body.is_empty() || message.html_body.is_empty() || text.is_none() || html.is_none() {
        found.push("a text or HTML part is missing".to_string());
    }
    // CRLF is how MIME ends lines; a CR alone is the fault.
    let text = text.map(|t| t.replace("\r\n", "\n")).unwrap_or_default();
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t')) {
        found.push("a control character (bare CR?) in the text part".to_string());
    }
    for word in text.split_whitespace().filter(|w| w.contains("://")) {
        let link = word.trim_end_matches(['.', ',', ')']);
        if !(link.starts_with("http://") || link.starts_with("https://")) || url::Url::parse(link).is_err() {
            found.push(format!("a link that is not absolute or whole: {link}"));
        }
    }
    let html = html.map(|h| h.into_owned()).unwrap_or_default();
    for href in html.split("href=\"").skip(1).filter_map(|h| h.split('"').next()) {
        let href = href.replace("&amp;", "&");
        if !(href.starts_with("http://") || href.starts_with("https://") || href.starts_with("mailto:"))
            || url::Url::parse(&href).is_err()
        {
            found.push(format!("an HTML link that is not absolute: {href}"));
        }
    }
    for address in to {
        let domain = address.rsplit_once('@').map(|(_, d)| d).unwrap_or("");
        if !domain.is_ascii() {
            found.push(format!("recipient domain not in punycode: {domain}"));
        }
    }
    found
}

#[derive(Default)]
struct Inbox {
    mails: Mutex<Vec<Mail>>,
    arrived: Notify,
}

pub struct SmtpSink {
    pub address: SocketAddr,
    inbox: Arc<Inbox>,
    task: JoinHandle<()>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        Self::start_on(TcpListener::bind("127.0.0.1:0").await.expect("bind SMTP sink")).await
    }

    pub async fn start_on(listener: TcpListener) -> Self {
        Self::start_inner(listener, true).await
    }

    /// A relay that does not announce SMTPUTF8.
    pub async fn start_without_smtputf8() -> Self {
        Self::start_inner(TcpListener::bind("127.0.0.1:0").await.expect("bind SMTP sink"), false).await
    }

    async fn start_inner(listener: TcpListener, smtputf8: bool) -> Self {
        let address = listener.local_addr().expect("address");
        let inbox = Arc::new(Inbox::default());
        let task = tokio::spawn({
            let inbox = inbox.clone();
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    tokio::spawn(session(stream, inbox.clone(), smtputf8));
                }
            }
        });
        Self { address, inbox, task }
    }

    pub fn url(&self) -> String {
        format!("smtp://{}", self.address)
    }

    pub async fn mails(&self) -> Vec<Mail> {
        let mails = self.inbox.mails.lock().await.clone();
        for m in &mails {
            assert!(m.problems.is_empty(), "mail {:?} breaks the rules: {:?}", m.subject, m.problems);
        }
        mails
    }

    /// Waits until at least `count` mails arrived (panics after 15 s).
    pub async fn wait_for(&self, count: usize) -> Vec<Mail> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let notified = self.inbox.arrived.notified();
            let mails = self.mails().await;
            if mails.len() >= count {
                return mails;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                panic!(
                    "expected {count} mails, got {}: {:?}",
                    mails.len(),
                    mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
                );
            }
        }
    }
}

impl SmtpSink {
    /// Mails to `address`, waiting until there are at least `count`.
    pub async fn mails_to(&self, address: &str, count: usize) -> Vec<Mail> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let notified = self.inbox.arrived.notified();
            let mine: Vec<Mail> =
                self.mails().await.into_iter().filter(|m| m.to.iter().any(|t| t == address)).collect();
            if mine.len() >= count {
                return mine;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                panic!("expected {count} mails to {address}, got {}", mine.len());
            }
        }
    }
}

impl SmtpSink {
    /// Serves the inbox as JSON at `GET /mails?to=ADDRESS`, for the browser
    /// journeys to read their mails; returns the base URL.
    pub async fn serve_http(&self) -> String {
        use axum::{Json, Router, extract::Query, routing::get};
        let inbox = self.inbox.clone();
        let app = Router::new().route(
            "/mails",
            get(move |Query(q): Query<std::collections::HashMap<String, String>>| {
                let inbox = inbox.clone();
                async move {
                    let to = q.get("to").cloned().unwrap_or_default();
                    let mails = inbox.mails.lock().await;
                    let list: Vec<serde_json::Value> = mails
                        .iter()
                        .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(&to)))
                        .map(|m| {
                            let calendars: Vec<&str> = m.attachments.iter().filter(|a| a.1 == "text/calendar").map(|a| a.2.as_str()).collect();
                            serde_json::json!({ "subject": m.subject, "text": m.text, "html": m.html, "calendars": calendars })
                        })
                        .collect();
                    Json(list)
                }
            }),
        );
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind mail API");
        let address = listener.local_addr().expect("address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        format!("http://{address}")
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// One SMTP conversation (RFC 5321, the parts lettre uses).
async fn session(stream: TcpStream, inbox: Arc<Inbox>, smtputf8: bool) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    let mut to = Vec::new();
    if write.write_all(b"220 sink ESMTP ready\r\n").await.is_err() {
        return;
    }
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
            return;
        }
        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
        let answer: &[u8] = match verb.as_str() {
            "EHLO" if smtputf8 => b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
            "HELO" => b"250 sink\r\n",
            "MAIL" => {
                to.clear();
                b"250 OK\r\n"
            }
            "RCPT" => {
                let address = line
                    .split_once(':')
                    .map(|(_, a)| a.trim().trim_start_matches('<').split('>').next().unwrap_or("").to_string());
                // Lets tests see a permanent failure: these mailboxes do not exist.
                if address.as_deref().is_some_and(|a| a.starts_with("unknown-mailbox")) {
                    b"550 5.1.1 no such mailbox\r\n"
                } else {
                    to.extend(address);
                    b"250 OK\r\n"
                }
            }
            "DATA" => {
                if write.write_all(b"354 go ahead\r\n").await.is_err() {
                    return;
                }
                let mut raw = Vec::new();
                loop {
                    let mut data = String::new();
                    if lines.read_line(&mut data).await.unwrap_or(0) == 0 {
                        return;
                    }
                    if data == ".\r\n" {
                        break;
                    }
                    raw.extend_from_slice(data.strip_prefix('.').unwrap_or(&data).as_bytes());
                }
                inbox.mails.lock().await.push(Mail::parse(std::mem::take(&mut to), raw));
                inbox.arrived.notify_waiters();
                b"250 OK queued\r\n"
            }
            "RSET" | "NOOP" => b"250 OK\r\n",
            "QUIT" => {
                let _ = write.write_all(b"221 bye\r\n").await;
                return;
            }
            _ => b"502 not implemented\r\n",
        };
        if write.write_all(answer).await.is_err() {
            return;
        }
    }
}
