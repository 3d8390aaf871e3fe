//! A small SMTP receiver for tests: it speaks the server side of a real SMTP conversation on a
//! local port and hands over each message it accepts.

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

/// One accepted message.
#[derive(Debug)]
pub struct Mail {
    pub from: String,
    pub recipients: Vec<String>,
    pub data: String,
}

/// A listening receiver.
pub struct Receiver {
    pub port: u16,
    rx: tokio::sync::Mutex<mpsc::UnboundedReceiver<Mail>>,
}

impl Receiver {
    /// Starts listening on a free port.
    pub async fn start() -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let tx = tx.clone();
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let mut mail = Mail {
                        from: String::new(),
                        recipients: Vec::new(),
                        data: String::new(),
                    };
                    write.write_all(b"220 test.local ESMTP\r\n").await.ok();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let upper = line.to_ascii_uppercase();
                        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO")
                        {
                            b"250-test.local\r\n250 8BITMIME\r\n"
                        } else if upper.starts_with("MAIL FROM:") {
                            mail.from = line[10..].trim().to_owned();
                            b"250 OK\r\n"
                        } else if upper.starts_with("RCPT TO:") {
                            mail.recipients.push(line[8..].trim().to_owned());
                            b"250 OK\r\n"
                        } else if upper == "DATA" {
                            write.write_all(b"354 go ahead\r\n").await.ok();
                            while let Ok(Some(l)) = lines.next_line().await {
                                if l == "." {
                                    break;
                                }
                                mail.data.push_str(&l);
                                mail.data.push('\n');
                            }
                            let done = std::mem::replace(
                                &mut mail,
                                Mail {
                                    from: String::new(),
                                    recipients: Vec::new(),
                                    data: String::new(),
                                },
                            );
                            tx.send(done).ok();
                            b"250 queued\r\n"
                        } else if upper == "QUIT" {
                            write.write_all(b"221 bye\r\n").await.ok();
                            break;
                        } else {
                            b"250 OK\r\n"
                        };
                        write.write_all(reply).await.ok();
                    }
                });
            }
        });
        Receiver {
            port,
            rx: tokio::sync::Mutex::new(rx),
        }
    }

    /// Every message that arrives until none has come for `quiet`.
    pub async fn until_quiet(&self, quiet: std::time::Duration) -> Vec<Mail> {
        let mut rx = self.rx.lock().await;
        let mut out = Vec::new();
        while let Ok(Some(m)) = tokio::time::timeout(quiet, rx.recv()).await {
            out.push(m);
        }
        out
    }

    /// Waits (up to ten seconds) for the next message.
    pub async fn next_message(&self) -> Mail {
        let mut rx = self.rx.lock().await;
        tokio::time::timeout(std::time::Duration::from_secs(10), rx.recv())
            .await
            .expect("a message within 10 s")
            .expect("receiver open")
    }
}
