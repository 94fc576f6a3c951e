package it.comune.immigrati.mail.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import it.comune.immigrati.mail.MailMessage;
import it.comune.immigrati.mail.MailOutbox;
import it.comune.immigrati.platform.AciProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcMailOutbox implements MailOutbox {

    private final JdbcClient jdbc;
    private final MailRenderer renderer;
    private final AciProperties properties;

    JdbcMailOutbox(JdbcClient jdbc, MailRenderer renderer, AciProperties properties) {
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.properties = properties;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String queue(MailMessage message) {
        UUID id = UUID.randomUUID();
        String messageId = "<" + id + "@" + properties.mail().messageIdDomain() + ">";
        MailRenderer.Rendered rendered = renderer.render(message);
        jdbc.sql("""
                INSERT INTO mail_outbox (id, message_id, recipient, language, subject, text_body, html_body,
                                         in_reply_to, related_type, related_id, written_by_person)
                VALUES (:id, :messageId, :recipient, :language, :subject, :text, :html, :inReplyTo, :relatedType, :relatedId,
                        :writtenByPerson)
                """)
                .param("id", id).param("messageId", messageId).param("recipient", message.recipient())
                .param("language", message.language().code()).param("subject", rendered.subject())
                .param("text", rendered.text()).param("html", rendered.html()).param("inReplyTo", message.inReplyTo())
                .param("relatedType", message.relatedType()).param("relatedId", message.relatedId())
                .param("writtenByPerson", message.isWrittenByPerson()).update();
        int position = 0;
        for (MailMessage.Attachment attachment : message.attachments()) {
            jdbc.sql("""
                    INSERT INTO mail_outbox_attachment (outbox_id, position, filename, content_type, content)
                    VALUES (:id, :position, :filename, :type, :content)
                    """).param("id", id).param("position", position++).param("filename", attachment.filename())
                    .param("type", attachment.contentType()).param("content", attachment.content()).update();
        }
        return messageId;
    }

    @Override
    public Preview preview(MailMessage message) {
        MailRenderer.Rendered rendered = renderer.render(message);
        return new Preview(rendered.subject(), rendered.text());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(String relatedType, String relatedId) {
        return jdbc.sql("""
                SELECT message_id, recipient, subject, status, attempts, created_at, sent_at, last_error, failure
                FROM mail_outbox WHERE related_type = :type AND related_id = :id ORDER BY created_at DESC
                """).param("type", relatedType).param("id", relatedId).query(JdbcMailOutbox::delivery).list();
    }

    @Override
    public java.util.Optional<Related> relatedTo(String messageId) {
        return jdbc.sql("""
                SELECT related_type, related_id FROM mail_outbox
                WHERE message_id = :id AND related_type IS NOT NULL
                """).param("id", messageId.strip())
                .query((rs, n) -> new Related(rs.getString(1), rs.getString(2))).optional();
    }

    static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getString("message_id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("status"), rs.getInt("attempts"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("sent_at")), rs.getString("last_error"), rs.getString("failure"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
