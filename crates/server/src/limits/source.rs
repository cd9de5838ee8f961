//! Where a request comes from, told apart without keeping any address (SPEC §6.7).
//!
//! [`Sources`] finds the client's address (the peer, or what a trusted
//! proxy forwards); [`Salt`] turns it into the 128-bit key the rate limits
//! count by. Nothing here stores or logs an address.

use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};

/// A network (address and prefix length) whose peers may set `X-Forwarded-For`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustedProxy {
    network: IpAddr,
    prefix: u8,
}

/// A `--trusted-proxy` value that is not an address or a network.
#[derive(Debug, thiserror::Error)]
#[error("--trusted-proxy {0:?} is not an IP address or network; write it like 10.0.0.5, 10.0.0.0/8 or fd00::/8")]
pub struct BadProxy(pub String);

impl std::str::FromStr for TrustedProxy {
    type Err = BadProxy;

    fn from_str(text: &str) -> Result<TrustedProxy, BadProxy> {
        let bad = || BadProxy(text.to_owned());
        let (address, prefix) = match text.trim().split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text.trim(), None),
        };
        let network: IpAddr = address.parse().map_err(|_| bad())?;
        let network = network.to_canonical();
        let bits = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(prefix) => prefix
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= bits)
                .ok_or_else(bad)?,
            None => bits,
        };
        Ok(TrustedProxy { network, prefix })
    }
}

impl TrustedProxy {
    /// Whether `address` lies in this network.
    pub fn contains(&self, address: IpAddr) -> bool {
        match (self.network, address.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(a)) => {
                same_prefix(&net.octets(), &a.octets(), self.prefix)
            }
            (IpAddr::V6(net), IpAddr::V6(a)) => {
                same_prefix(&net.octets(), &a.octets(), self.prefix)
            }
            _ => false,
        }
    }
}

fn same_prefix(a: &[u8], b: &[u8], prefix: u8) -> bool {
    let (whole, rest) = (usize::from(prefix / 8), prefix % 8);
    if a[..whole] != b[..whole] {
        return false;
    }
    rest == 0 || (a[whole] ^ b[whole]) >> (8 - rest) == 0
}

/// Finds the client's address behind the declared proxies.
#[derive(Debug)]
pub struct Sources {
    trusted_proxies: Vec<TrustedProxy>,
    warned_undeclared_proxy: AtomicBool,
}

impl Sources {
    /// Believes `X-Forwarded-For` from these proxies only.
    pub fn new(trusted_proxies: Vec<TrustedProxy>) -> Sources {
        Sources {
            trusted_proxies,
            warned_undeclared_proxy: AtomicBool::new(false),
        }
    }

    fn trusted(&self, address: IpAddr) -> bool {
        self.trusted_proxies.iter().any(|p| p.contains(address))
    }

    /// The address a request counts against: the peer, or what a trusted proxy says it forwards.
    pub fn client_address(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusted(peer) {
            if peer.is_loopback()
                && headers.contains_key("x-forwarded-for")
                && !self.warned_undeclared_proxy.swap(true, Ordering::Relaxed)
            {
                tracing::warn!(
                    "a request from this machine carries X-Forwarded-For: if a reverse proxy runs \
                     here, declare it with --trusted-proxy, or every client it forwards shares its \
                     address (and loopback is not rate limited)"
                );
            }
            return peer;
        }
        // Walk from the nearest hop outwards: the first address not of a
        // trusted proxy is the client; anything further left it could have made up.
        let hops: Vec<IpAddr> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(|hop| hop.trim().parse::<IpAddr>().map(|a| a.to_canonical()))
            .collect::<Result<_, _>>()
            .unwrap_or_default();
        hops.iter()
            .rev()
            .copied()
            .find(|hop| !self.trusted(*hop))
            .or_else(|| hops.first().copied())
            .unwrap_or(peer)
    }
}

/// The longest identity header value believed; longer is treated as absent.
const MAX_IDENTITY_BYTES: usize = 512;

/// Who a person is, for the token issuer only (SPEC §6.10): a header that
/// only a trusted proxy (the organisation's single sign-on) may set.
#[derive(Debug, Clone)]
pub struct IdentityGate {
    header: axum::http::HeaderName,
    trusted: Vec<TrustedProxy>,
}

impl IdentityGate {
    /// Believes `header` from peers in `trusted` only.
    pub fn new(header: axum::http::HeaderName, trusted: Vec<TrustedProxy>) -> IdentityGate {
        IdentityGate { header, trusted }
    }

    /// The signed-in person, if a trusted proxy says who it is.
    ///
    /// `None` when the peer is not a trusted proxy (whatever the header
    /// says), or the header is absent, empty, repeated or not text.
    pub fn identity<'a>(&self, peer: Option<IpAddr>, headers: &'a HeaderMap) -> Option<&'a str> {
        let peer = peer?;
        if !self.trusted.iter().any(|proxy| proxy.contains(peer)) {
            return None;
        }
        let mut values = headers.get_all(&self.header).iter();
        let value = values.next()?;
        if values.next().is_some() {
            return None;
        }
        let identity = value.to_str().ok()?.trim();
        (!identity.is_empty() && identity.len() <= MAX_IDENTITY_BYTES).then_some(identity)
    }

    /// The header's name, for messages.
    pub fn header(&self) -> &axum::http::HeaderName {
        &self.header
    }
}

/// 32 random bytes, made in memory and never written anywhere.
pub struct Salt([u8; 32]);

impl std::fmt::Debug for Salt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Salt(..)")
    }
}

impl Salt {
    /// A new salt from the system's randomness.
    pub fn fresh() -> Salt {
        let mut salt = [0; 32];
        // Without the system's randomness there is no honest salt; nothing can run without it.
        getrandom::fill(&mut salt).expect("the system's random source works");
        Salt(salt)
    }

    /// The key a source is counted by: SHA-256 of the salt and the address
    /// (an IPv6 one cut to its /64), first 128 bits.
    pub fn key(&self, address: IpAddr) -> [u8; 16] {
        let mut hash = Sha256::new();
        hash.update(self.0);
        match address.to_canonical() {
            IpAddr::V4(v4) => hash.update(v4.octets()),
            IpAddr::V6(v6) => hash.update(&v6.octets()[..8]),
        }
        let digest = hash.finalize();
        let mut key = [0; 16];
        key.copy_from_slice(&digest[..16]);
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let sources = Sources::new(vec!["10.0.0.0/8".parse().unwrap(), "::1".parse().unwrap()]);
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "198.51.100.1, 203.0.113.9, 10.1.2.3".parse().unwrap(),
        );
        // From a trusted proxy: the nearest untrusted hop; the spoofable left part is ignored.
        assert_eq!(
            sources.client_address(ip("10.0.0.1"), &headers),
            ip("203.0.113.9")
        );
        assert_eq!(
            sources.client_address(ip("::1"), &headers),
            ip("203.0.113.9")
        );
        // From anyone else the header is ignored.
        assert_eq!(
            sources.client_address(ip("192.0.2.5"), &headers),
            ip("192.0.2.5")
        );
        // Garbage in the header: the proxy itself is the source.
        headers.insert("x-forwarded-for", "not-an-address".parse().unwrap());
        assert_eq!(
            sources.client_address(ip("10.0.0.1"), &headers),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn proxy_networks_parse_and_match() {
        let net: TrustedProxy = "10.0.0.0/8".parse().unwrap();
        assert!(net.contains(ip("10.255.0.1")) && !net.contains(ip("11.0.0.1")));
        assert!(net.contains(ip("::ffff:10.0.0.1")));
        let odd: TrustedProxy = "192.168.0.0/23".parse().unwrap();
        assert!(odd.contains(ip("192.168.1.200")) && !odd.contains(ip("192.168.2.1")));
        for bad in ["", "10.0.0.0/33", "example.com", "10.0.0.0/x"] {
            assert!(bad.parse::<TrustedProxy>().is_err(), "{bad}");
        }
    }

    #[test]
    fn keys_group_an_ipv6_64_and_change_with_the_salt() {
        let salt = Salt::fresh();
        assert_eq!(
            salt.key(ip("2001:db8:1:2::1")),
            salt.key(ip("2001:db8:1:2:ffff::9"))
        );
        assert_ne!(
            salt.key(ip("2001:db8:1:2::1")),
            salt.key(ip("2001:db8:1:3::1"))
        );
        let key = salt.key(ip("192.0.2.201"));
        assert_ne!(&key[..4], &[192, 0, 2, 201]);
        assert_ne!(Salt::fresh().key(ip("192.0.2.201")), key);
    }
}
