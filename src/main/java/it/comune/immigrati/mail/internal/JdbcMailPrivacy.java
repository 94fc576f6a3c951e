package it.comune.immigrati.mail.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import it.comune.immigrati.mail.MailPrivacy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcMailPrivacy implements MailPrivacy {

    private final JdbcClient jdbc;

    JdbcMailPrivacy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredMail> about(String address) {
        List<StoredMail> mails = new ArrayList<>(jdbc.sql("""
                SELECT recipient, subject, text_body, created_at FROM mail_outbox WHERE lower(recipient) = lower(:a)
                """).param("a", address).query((rs, n) -> new StoredMail("sent", rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant())).list());
        mails.addAll(jdbc.sql("""
                SELECT sender, subject, raw, received_at FROM mail_inbound WHERE lower(sender) = lower(:a)
                """).param("a", address).query((rs, n) -> new StoredMail("received", rs.getString(1), rs.getString(2),
                new String(rs.getBytes(3), StandardCharsets.UTF_8), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list());
        mails.sort(Comparator.comparing(StoredMail::at).reversed());
        return mails;
    }

    @Override
    @Transactional
    public int forget(String address) {
        return jdbc.sql("DELETE FROM mail_outbox WHERE lower(recipient) = lower(:a) AND status <> 'PENDING'")
                .param("a", address).update()
                + jdbc.sql("DELETE FROM mail_inbound WHERE lower(sender) = lower(:a) AND status <> 'NEW'")
                        .param("a", address).update();
    }

    @Override
    @Transactional
    public int expire(Duration age) {
        double seconds = age.toSeconds();
        return jdbc.sql("DELETE FROM mail_outbox WHERE status <> 'PENDING' AND created_at < now() - make_interval(secs => :s)")
                .param("s", seconds).update()
                + jdbc.sql("DELETE FROM mail_inbound WHERE status <> 'NEW' AND received_at < now() - make_interval(secs => :s)")
                        .param("s", seconds).update();
    }
}
