package it.comune.immigrati.mail.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.HeaderTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the desk mailbox in step with the database, while the poll is connected: messages the desk has
 * finished with leave the inbox for the processed folder ({@code aci.mail.imap.processed-folder}), and
 * messages whose row was erased or expired are expunged from both, so that an erasure also reaches the
 * server and a rebuilt mailbox (a new UIDVALIDITY) cannot bring them back. Quarantined messages stay in
 * the inbox: for one too large, the server holds the only copy of its body.
 */
@Component
class MailboxTidy {

    private static final Logger log = LoggerFactory.getLogger(MailboxTidy.class);

    private final InboundStore inbound;

    MailboxTidy(InboundStore inbound) {
        this.inbound = inbound;
    }

    void tidy(Store store, Folder inbox, String mailbox, String processedFolder) throws MessagingException {
        long validity = ((UIDFolder) inbox).getUIDValidity();
        Folder processed = null;
        if (processedFolder != null && !processedFolder.isBlank()) {
            processed = store.getFolder(processedFolder);
            if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("cannot create the folder " + processedFolder);
            }
            move(inbox, processed, mailbox, validity);
        }
        expungeForgotten(inbox, processed, mailbox, validity);
    }

    private void move(Folder inbox, Folder processed, String mailbox, long validity) throws MessagingException {
        List<InboundStore.Finished> finished = inbound.finished(mailbox, validity);
        if (finished.isEmpty()) {
            return;
        }
        List<Message> messages = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (InboundStore.Finished row : finished) {
            Message message = ((UIDFolder) inbox).getMessageByUID(row.uid());
            if (message != null && !message.isExpunged()) {
                messages.add(message);
            }
            ids.add(row.id()); // gone from the inbox already (a person moved it): nothing left to do either
        }
        if (!messages.isEmpty()) {
            Message[] batch = messages.toArray(Message[]::new);
            if (inbox instanceof IMAPFolder imap && ((org.eclipse.angus.mail.imap.IMAPStore) imap.getStore()).hasCapability("MOVE")) {
                imap.moveMessages(batch, processed);
            } else {
                inbox.copyMessages(batch, processed);
                inbox.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
                inbox.expunge();
            }
        }
        inbound.moved(ids);
        log.debug("Desk mailbox: {} messages moved to {}", messages.size(), processed.getName());
    }

    private void expungeForgotten(Folder inbox, Folder processed, String mailbox, long validity) throws MessagingException {
        List<InboundStore.Forgotten> forgotten = inbound.forgotten(mailbox);
        if (forgotten.isEmpty()) {
            return;
        }
        if (processed != null) {
            processed.open(Folder.READ_WRITE);
        }
        try {
            List<String> done = new ArrayList<>();
            for (InboundStore.Forgotten gone : forgotten) {
                List<Message> copies = new ArrayList<>();
                boolean byId = gone.messageKey() != null && gone.messageKey().startsWith("<");
                for (Folder folder : processed == null ? new Folder[] { inbox } : new Folder[] { inbox, processed }) {
                    if (byId) {
                        copies.addAll(List.of(folder.search(new HeaderTerm("Message-ID", gone.messageKey()))));
                    }
                }
                if (!byId && gone.uid() != null && gone.uidValidity() != null && gone.uidValidity() == validity) {
                    Message message = ((UIDFolder) inbox).getMessageByUID(gone.uid());
                    if (message != null) {
                        copies.add(message);
                    }
                }
                for (Message copy : copies) {
                    copy.setFlag(Flags.Flag.DELETED, true);
                }
                done.add(gone.keyHash());
            }
            inbox.expunge();
            if (processed != null) {
                processed.expunge();
            }
            inbound.expunged(done);
            log.info("Desk mailbox: {} erased or expired messages expunged from the server", done.size());
        } finally {
            if (processed != null && processed.isOpen()) {
                processed.close(false);
            }
        }
    }
}
