package it.comune.immigrati.questions.internal.intake;

import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.platform.ProofOfWork;
import it.comune.immigrati.platform.ServiceUnavailable;
import it.comune.immigrati.questions.internal.Channel;
import it.comune.immigrati.questions.internal.QuestionDesk;
import it.comune.immigrati.questions.internal.intake.IntakeResult.Accepted;
import it.comune.immigrati.questions.internal.intake.IntakeResult.Duplicate;
import it.comune.immigrati.questions.internal.intake.IntakeResult.KeyTaken;
import it.comune.immigrati.questions.internal.intake.IntakeResult.Limited;
import it.comune.immigrati.questions.internal.intake.IntakeResult.Refused;
import it.comune.immigrati.questions.internal.intake.IntakeResult.Unavailable;
import it.comune.immigrati.site.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way in for a new question, whichever channel brought it: the channel's limits
 * ({@link ChannelRules}), the rules ({@link IntakeRules}), the files ({@link Attachments}), proof of work
 * ({@link ProofOfWork}) and the hourly allowances ({@link SubmissionLimits}), then the desk stores it.
 * An outage of the database or the disk is an answer here ({@link IntakeResult.Unavailable}), not an error.
 * The channels only translate: a request or a mail into a {@link Submission}, the result into their answer.
 */
@Service
class QuestionIntake {

    private static final Logger log = LoggerFactory.getLogger(QuestionIntake.class);

    private final ChannelRules channels;
    private final IntakeRules rules;
    private final Attachments attachments;
    private final ProofOfWork proofOfWork;
    private final SubmissionLimits limits;
    private final QuestionDesk desk;

    QuestionIntake(ChannelRules channels, IntakeRules rules, Attachments attachments, ProofOfWork proofOfWork,
            SubmissionLimits limits, QuestionDesk desk) {
        this.channels = channels;
        this.rules = rules;
        this.attachments = attachments;
        this.proofOfWork = proofOfWork;
        this.limits = limits;
        this.desk = desk;
    }

    /** The rule of a channel, for what a channel shows (the form's maxlength) or keeps (a reply by e-mail). */
    ChannelRules.Rule rule(Channel channel) {
        return channels.of(channel);
    }

    /**
     * Takes a new question from {@code client} (an IP address, or the mailbox for e-mail): refused,
     * limited or stored, in this order; nothing is stored unless it is accepted.
     */
    IntakeResult accept(Submission submission, String client) {
        ChannelRules.Rule rule = channels.of(submission.channel());
        Submission kept = new Submission(submission.channel(), submission.key(),
                submission.email() == null ? "" : submission.email().strip(), rule.keepName(submission.name()),
                submission.language(), submission.topic() == null ? "" : submission.topic(), rule.keep(submission.text()),
                submission.privacyConsent(), submission.publishConsent(), submission.files(), submission.honeypot(),
                submission.proofOfWork(), submission.mailMessageId());
        try {
            List<String> errors = new ArrayList<>(rules.problems(kept, rule));
            if (errors.contains(IntakeRules.SPAM)) {
                return new Refused(errors);
            }
            Attachments.Checked files = attachments.check(kept.files(), rule);
            errors.addAll(files.errors());
            if (!errors.isEmpty()) {
                return new Refused(List.copyOf(errors));
            }
            // a solved proof of work keeps the normal allowance; none (or a wrong one) the small one
            boolean solved = rule.form() && proofOfWork.verify(kept.proofOfWork());
            boolean allowed = rule.form() ? limits.allow(client, kept.email(), solved) : limits.allow(client, kept.email());
            if (!allowed) {
                return new Limited();
            }
            QuestionDesk.Stored stored = desk.submit(new QuestionDesk.Admitted(kept.key(), kept.email(), kept.name(),
                    Language.byCode(kept.language()).orElseThrow(), kept.topic(), kept.text(), kept.publishConsent(), files.files(), kept.channel(), kept.mailMessageId())
                    .withProofOfWork(solved));
            String link = desk.privateLink(stored.question());
            return stored.first() ? new Accepted(stored.question(), link) : new Duplicate(stored.question(), link);
        } catch (QuestionDesk.KeyTaken taken) {
            return new KeyTaken();
        } catch (RuntimeException failure) {
            if (!ServiceUnavailable.causes(failure)) {
                throw failure;
            }
            // nothing was stored (one transaction); the sender keeps what they wrote and is told to retry
            log.warn("Question ({}) not stored, the database or the disk cannot take it now: {}", submission.channel(),
                    failure.getMessage());
            return new Unavailable(failure);
        }
    }
}
