package io.ledgerbridge.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GreenMail: SMTP to send invoices in, IMAP for the inbox the service polls. Mail is kept in memory. */
final class MailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailServer.class);

    private final LocalStackSettings settings;
    private GreenMail greenMail;

    MailServer(LocalStackSettings settings) {
        this.settings = settings;
    }

    void start() {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(settings.smtpPort(), bindAddress(), ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(settings.imapPort(), bindAddress(), ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.setUser(settings.inboxUser(), settings.inboxUser(), settings.inboxPassword());
        greenMail.start();
        log.info("Mail server: SMTP {}:{}, IMAP {}:{} (user {})", settings.host(), settings.smtpPort(),
                settings.host(), settings.imapPort(), settings.inboxUser());
    }

    private String bindAddress() {
        return "localhost".equals(settings.host()) ? "127.0.0.1" : settings.host();
    }

    @Override
    public void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
