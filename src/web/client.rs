//! Who the client is, for per-client limits: the socket's peer, or, when
//! the peer is a trusted reverse proxy (`OPTAG_TRUSTED_PROXIES`), the
//! right-most address in `X-Forwarded-For` that no trusted proxy wrote.
use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::{StatusCode, request::Parts},
};
use ipnet::IpNet;

use super::AppState;

/// The client's address. Never logged: it is personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ConnectInfo(peer) =
            parts.extensions.get::<ConnectInfo<SocketAddr>>().copied().ok_or(StatusCode::INTERNAL_SERVER_ERROR)?;
        let forwarded: Vec<&str> =
            parts.headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
        Ok(Self(client_address(peer.ip(), &forwarded, &state.settings.trusted_proxies)))
    }
}

/// Walks the hops from the right: each trusted hop vouches for the one
/// before it; the first untrusted hop is the client (anything to its left
/// the client may have written itself). A hop that does not parse ends the
/// walk at the last address vouched for.
pub fn client_address(peer: IpAddr, forwarded_for: &[&str], trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let mut client = peer.to_canonical();
    if !is_trusted(&client) {
        return client;
    }
    let hops = forwarded_for.iter().rev().flat_map(|header| header.rsplit(','));
    for hop in hops {
        let Some(ip) = parse_hop(hop.trim()) else { break };
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    client
}

/// `203.0.113.7`, `2001:db8::1`, and the same with a port (`[2001:db8::1]:443`).
fn parse_hop(text: &str) -> Option<IpAddr> {
    let ip = text.parse::<IpAddr>().ok().or_else(|| text.parse::<SocketAddr>().ok().map(|s| s.ip()))?;
    Some(ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_the_header() {
        assert_eq!(client_address(ip("198.51.100.1"), &["203.0.113.7"], &[]), ip("198.51.100.1"));
        let trusted = nets(&["10.0.0.0/8"]);
        assert_eq!(client_address(ip("198.51.100.1"), &["203.0.113.7"], &trusted), ip("198.51.100.1"));
    }

    #[test]
    fn behind_trusted_proxies_the_right_most_untrusted_hop_is_the_client() {
        let trusted = nets(&["10.0.0.0/8", "127.0.0.1/32"]);
        let peer = ip("127.0.0.1");
        assert_eq!(client_address(peer, &["203.0.113.7"], &trusted), ip("203.0.113.7"));
        assert_eq!(client_address(peer, &["198.51.100.9, 203.0.113.7"], &trusted), ip("203.0.113.7"));
        assert_eq!(client_address(peer, &["198.51.100.9, 203.0.113.7, 10.1.2.3"], &trusted), ip("203.0.113.7"));
        assert_eq!(client_address(peer, &["198.51.100.9", "203.0.113.7,10.1.2.3"], &trusted), ip("203.0.113.7"));
        assert_eq!(client_address(peer, &["[2001:db8::1]:443"], &trusted), ip("2001:db8::1"));
        assert_eq!(client_address(peer, &["203.0.113.7:5555"], &trusted), ip("203.0.113.7"));
    }

    #[test]
    fn a_missing_or_unreadable_header_leaves_the_last_vouched_for_address() {
        let trusted = nets(&["10.0.0.0/8"]);
        assert_eq!(client_address(ip("10.0.0.1"), &[], &trusted), ip("10.0.0.1"));
        assert_eq!(client_address(ip("10.0.0.1"), &["unknown, 10.0.0.2"], &trusted), ip("10.0.0.2"));
        assert_eq!(client_address(ip("10.0.0.1"), &["203.0.113.7, junk"], &trusted), ip("10.0.0.1"));
    }

    #[test]
    fn ipv4_mapped_peers_count_as_ipv4() {
        let trusted = nets(&["127.0.0.1/32"]);
        assert_eq!(client_address(ip("::ffff:127.0.0.1"), &["203.0.113.7"], &trusted), ip("203.0.113.7"));
    }
}
