//! The layers of `architecture.md`, read from the source itself: web →
//! flows → storage / mail → domain. Each test reads the `.rs` files under
//! `src/` (the part before an inline test module) and names every place that
//! breaks a rule, so a wrong import fails here and not in review.
use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The code of a file before its inline test module; test-only files
/// (`tests.rs`, `*_tests.rs`, `proptests.rs`, the fuzz) count as tests.
fn code(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    if name == "tests.rs" || name.ends_with("_tests.rs") || name == "proptests.rs" || name == "form_fuzz.rs" {
        return String::new();
    }
    let text = fs::read_to_string(path).unwrap_or_default();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).to_string_lossy().into_owned()
}

/// `(file, what)` for each line of the files under `layer` that mentions one of `words`.
fn mentions(layer: &str, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for path in rust_files(&root().join(layer)) {
        for (n, line) in code(&path).lines().enumerate() {
            let line = line.split("//").next().unwrap_or_default();
            for word in words {
                if line.contains(word) {
                    found.push(format!("{}:{} {word}", relative(&path), n + 1));
                }
            }
        }
    }
    found
}

#[test]
fn the_web_layer_writes_no_sql_and_opens_no_transaction() {
    let found = mentions("web", &["sqlx::query", ".begin()", "PgConnection", "Transaction<"]);
    assert!(found.is_empty(), "SQL or transactions in src/web:\n{}", found.join("\n"));
}

/// `(file, path)` for each path a file under `layer` names (use trees
/// expanded) that starts with one of `prefixes`.
fn imports(layer: &str, prefixes: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for path in rust_files(&root().join(layer)) {
        for named in named_paths(&code(&path)) {
            let named = named.trim_start_matches("::");
            if prefixes.iter().any(|p| named == *p || named.starts_with(&format!("{p}::"))) {
                found.push(format!("{} {named}", relative(&path)));
            }
        }
    }
    found
}

#[test]
fn use_cases_know_no_http_and_no_html() {
    let mut found = mentions("flows", &["axum", "askama", "Html<", "StatusCode"]);
    found.extend(imports("flows", &["crate::web"]));
    assert!(found.is_empty(), "src/flows reaches up:\n{}", found.join("\n"));
}

#[test]
fn storage_mail_and_domain_point_only_downwards() {
    let mut found = imports("storage", &["crate::web", "crate::flows", "crate::mail"]);
    found.extend(mentions("storage", &["axum", "askama"]));
    found.extend(imports("domain", &["crate::storage", "crate::web", "crate::flows", "crate::mail"]));
    found.extend(mentions("domain", &["sqlx", "axum"]));
    found.extend(imports("mail", &["crate::web", "crate::flows"]));
    found.extend(mentions("mail", &["axum"]));
    assert!(found.is_empty(), "upward imports:\n{}", found.join("\n"));
}

/// The module path of a file: `src/web/admin/mod.rs` is `web::admin`.
fn module_of(path: &Path) -> Vec<String> {
    let rel = path.strip_prefix(root()).unwrap_or(path).with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// Every path a file names: the `use` trees expanded, and inline `crate::…`,
/// `super::…` paths.
fn named_paths(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("use ") {
        let before = &rest[..i];
        let at_item_start = before.is_empty() || before.ends_with(['\n', ' ', '\t', '{', ';']);
        let Some(end) = rest[i..].find(';') else { break };
        if at_item_start {
            expand(rest[i + 4..i + end].trim(), "", &mut paths);
        }
        rest = &rest[i + end..];
    }
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let word_start = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_' || chars[i - 1] == ':');
        if word_start && chars[i].is_alphabetic() {
            let mut j = i;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_' || chars[j] == ':') {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            if word.starts_with("crate::") || word.starts_with("super::") {
                paths.push(word.trim_end_matches(':').to_string());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    paths
}

fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree: String = tree.split_whitespace().collect();
    match tree.find('{') {
        None => out.push(format!("{prefix}{}", tree.split(" as ").next().unwrap_or_default())),
        Some(open) => {
            let head = &tree[..open];
            let inner = &tree[open + 1..tree.len().saturating_sub(1)];
            let mut depth = 0;
            let mut start = 0;
            for (k, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&inner[start..k], &format!("{prefix}{head}"), out);
                        start = k + 1;
                    }
                    _ => {}
                }
            }
            if start < inner.len() {
                expand(&inner[start..], &format!("{prefix}{head}"), out);
            }
        }
    }
}

/// A path resolved to the feature module it lands in (`web::apply`,
/// `flows::cohorts`), or none for the layer roots and everything else. Web's
/// features are its folders; its single files are the shared edge (error
/// pages, forms, links), which every feature may use.
fn feature_of(module: &[String], path: &str) -> Option<String> {
    let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    let mut base: Vec<String> = match parts.first() {
        Some(&"crate") => {
            parts.remove(0);
            Vec::new()
        }
        Some(&"super") => module.to_vec(),
        _ => return None,
    };
    while parts.first() == Some(&"super") {
        parts.remove(0);
        base.pop();
    }
    base.extend(parts.iter().map(|p| p.to_string()));
    let layer = base.first()?;
    if layer != "web" && layer != "flows" {
        return None;
    }
    let feature = base.get(1)?;
    let dir = root().join(layer);
    let is_feature = dir.join(feature).is_dir() || (layer == "flows" && dir.join(format!("{feature}.rs")).is_file());
    is_feature.then(|| format!("{layer}::{feature}"))
}

#[test]
fn no_feature_module_imports_another_that_imports_it_back() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for layer in ["web", "flows"] {
        for path in rust_files(&root().join(layer)) {
            let module = module_of(&path);
            let Some(from) = feature_of(&[], &format!("crate::{}", module.join("::"))) else { continue };
            for named in named_paths(&code(&path)) {
                if let Some(to) = feature_of(&module, &named)
                    && to != from
                {
                    edges.entry(from.clone()).or_default().insert(to);
                }
            }
        }
    }
    let mut cycles = Vec::new();
    for start in edges.keys() {
        // Every module reachable from `start`; a cycle if `start` is among them.
        let mut seen = BTreeSet::new();
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        while let Some((node, trail)) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if next == start {
                    cycles.push(format!("{} -> {start}", trail.join(" -> ")));
                } else if seen.insert(next.clone()) {
                    let mut longer = trail.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles between feature modules:\n{}", cycles.join("\n"));
}

/// Functions of `text` as (name, first line, length in lines), the way
/// `shared/tools/layers.py` counts them.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(name) = fn_name(lines[i]) else {
            i += 1;
            continue;
        };
        let (mut depth, mut started, mut j) = (0i32, false, i);
        while j < lines.len() {
            let s = strip_strings(lines[j]);
            let s = s.split("//").next().unwrap_or_default();
            depth += s.matches('{').count() as i32 - s.matches('}').count() as i32;
            started |= s.contains('{');
            if (started && depth <= 0) || (!started && s.trim_end().ends_with(';')) {
                break;
            }
            j += 1;
        }
        out.push((name, i + 1, j - i + 1));
        i = j + 1;
    }
    out
}

fn fn_name(line: &str) -> Option<String> {
    let mut words = line.split_whitespace().peekable();
    while let Some(w) = words.peek() {
        if w.starts_with("pub") || *w == "async" || *w == "const" {
            words.next();
        } else {
            break;
        }
    }
    if words.next()? != "fn" {
        return None;
    }
    let name: String = words.next()?.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    (!name.is_empty()).then_some(name)
}

fn strip_strings(line: &str) -> String {
    let mut out = String::new();
    let (mut inside, mut escaped) = (false, false);
    for c in line.chars() {
        if inside {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                inside = false;
                out.push('"');
            }
        } else {
            if c == '"' {
                inside = true;
            }
            out.push(c);
        }
    }
    out
}

#[test]
fn handlers_stay_short_and_files_small() {
    let mut found = Vec::new();
    for path in rust_files(&root().join("web")) {
        for (name, line, length) in functions(&code(&path)) {
            if length > 40 {
                found.push(format!("{}:{line} fn {name} has {length} lines (at most 40)", relative(&path)));
            }
        }
    }
    for path in rust_files(&root()) {
        let length = code(&path).lines().count();
        if length > 300 {
            found.push(format!("{} has {length} lines before its tests (at most 300)", relative(&path)));
        }
    }
    assert!(found.is_empty(), "too long:\n{}", found.join("\n"));
}

#[test]
fn forms_are_read_into_structs_not_field_by_field() {
    let found = mentions("web", &["form.get("]);
    assert!(found.len() <= 5, "hand-read form fields (at most 5):\n{}", found.join("\n"));
}

#[test]
fn the_reader_finds_paths_in_use_trees_and_code() {
    let paths =
        named_paths("use super::{AppState, error::{AppError, AppResult}};\nfn f() { crate::web::cohorts::x(); }");
    assert!(paths.contains(&"super::error::AppResult".to_string()), "{paths:?}");
    assert!(paths.contains(&"crate::web::cohorts::x".to_string()), "{paths:?}");
    let module = vec!["web".to_string(), "apply".to_string(), "flow".to_string()];
    assert_eq!(feature_of(&module, "super::super::own_page::x"), Some("web::own_page".into()));
    assert_eq!(feature_of(&module, "super::mails"), Some("web::apply".into()));
    assert_eq!(feature_of(&module, "crate::storage::x"), None);
}
