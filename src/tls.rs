//! TLS for the gRPC listener (rustls, through tonic): a server certificate and key, and
//! optionally a CA whose certificates clients must present (mutual TLS). Without a certificate
//! the server speaks plaintext, the local default.

use std::path::{Path, PathBuf};

use clap::Args;
use tonic::transport::{Certificate, Identity, ServerTlsConfig};

use crate::server::BoxError;

/// Where the PEM files are; none given is plaintext.
#[derive(Debug, Clone, Default, Args)]
pub struct TlsArgs {
    /// Serve TLS with this certificate chain (PEM); needs --tls-key.
    #[arg(long = "tls-cert", env = "HANDOFF_TLS_CERT")]
    pub cert: Option<PathBuf>,
    /// The private key of --tls-cert (PEM).
    #[arg(long = "tls-key", env = "HANDOFF_TLS_KEY")]
    pub key: Option<PathBuf>,
    /// Require every client to present a certificate signed by this CA (PEM): mutual TLS.
    #[arg(long = "client-ca", env = "HANDOFF_CLIENT_CA")]
    pub client_ca: Option<PathBuf>,
    /// With --client-ca: a call without a bearer token is made by the terminal named by its
    /// client certificate's subject common name, and a call with both must have them agree.
    #[arg(long, env = "HANDOFF_TERMINAL_FROM_CLIENT_CERT")]
    pub terminal_from_client_cert: bool,
}

impl TlsArgs {
    /// The listener's TLS configuration, None for plaintext. A half-given configuration (a
    /// certificate without its key, a client CA without a server certificate) is an error rather
    /// than a silent fall-back to plaintext.
    pub fn server_config(&self) -> Result<Option<ServerTlsConfig>, BoxError> {
        if self.terminal_from_client_cert && self.client_ca.is_none() {
            return Err("--terminal-from-client-cert needs --client-ca".into());
        }
        let (cert, key) = match (&self.cert, &self.key) {
            (None, None) => {
                if self.client_ca.is_some() {
                    return Err("--client-ca needs --tls-cert and --tls-key".into());
                }
                return Ok(None);
            }
            (Some(cert), Some(key)) => (cert, key),
            _ => return Err("--tls-cert and --tls-key go together".into()),
        };
        let mut config =
            ServerTlsConfig::new().identity(Identity::from_pem(read(cert)?, read(key)?));
        if let Some(ca) = &self.client_ca {
            // tonic then requires a client certificate signed by this CA on every connection.
            config = config.client_ca_root(Certificate::from_pem(read(ca)?));
        }
        Ok(Some(config))
    }

    pub fn enabled(&self) -> bool {
        self.cert.is_some()
    }
}

fn read(path: &Path) -> Result<Vec<u8>, BoxError> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()).into())
}
