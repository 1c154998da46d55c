//! Client certificates as terminal identities (`--terminal-from-client-cert`): the subject's
//! common name of the certificate a client presented over mutual TLS names a terminal.
//!
//! The TLS handshake has already checked the certificate against `--client-ca`; this only reads
//! the name. A certificate whose name is no terminal's names nobody: the bearer token decides.

use tonic::Request;
use uuid::Uuid;
use x509_parser::prelude::{FromDer as _, X509Certificate};

use crate::app::App;
use crate::error::Result;

/// The terminal the request's client certificate names, if it presented one that does.
pub(super) async fn terminal<T>(app: &App, request: &Request<T>) -> Result<Option<Uuid>> {
    let Some(certs) = request.peer_certs() else {
        return Ok(None);
    };
    // The first certificate is the client's own; the rest is its chain.
    let Some(name) = certs.first().and_then(|der| common_name(der)) else {
        return Ok(None);
    };
    app.auth.terminal_named(&name).await
}

fn common_name(der: &[u8]) -> Option<String> {
    let (_, cert) = X509Certificate::from_der(der).ok()?;
    let cn = cert.subject().iter_common_name().next()?;
    cn.as_str().ok().map(str::to_owned)
}
