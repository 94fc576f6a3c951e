package it.comune.immigrati.questions.internal;

import java.util.List;
import java.util.UUID;

import it.comune.immigrati.platform.Installation;
import it.comune.immigrati.questions.internal.QuestionRecords.Question;
import it.comune.immigrati.questions.internal.faq.Faqs;
import it.comune.immigrati.site.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for the desk: questions in several languages at every stage, model answers, and FAQ
 * published in more than one language, so a visitor can try every page. Written through the same
 * services as real use, so confirmations and answers also reach the test mailbox.
 */
@Component
@Order(20)
class DemoQuestions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoQuestions.class);

    private final Installation installation;
    private final JdbcClient jdbc;
    private final QuestionDesk desk;
    private final Faqs faqs;
    private final CannedAnswers canned;
    private final TransactionTemplate transactions;

    DemoQuestions(Installation installation, JdbcClient jdbc, QuestionDesk desk, Faqs faqs, CannedAnswers canned,
            TransactionTemplate transactions) {
        this.installation = installation;
        this.jdbc = jdbc;
        this.desk = desk;
        this.faqs = faqs;
        this.canned = canned;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!installation.demoData() || jdbc.sql("SELECT EXISTS (SELECT 1 FROM question)").query(Boolean.class).single()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            Question renewal = ask("karim.benali@example.org", "Karim", Language.IT, "permesso-di-soggiorno", true,
                    "Buongiorno, il mio permesso di soggiorno per lavoro subordinato scade il 15 febbraio. Quando posso "
                            + "presentare la domanda di rinnovo e che cosa devo portare all'ufficio postale?");
            desk.answer(renewal, """
                    Buongiorno Karim,
                    la domanda di rinnovo va presentata prima della scadenza: il consiglio è di farlo almeno 60 giorni prima.
                    Il kit si ritira e si consegna agli uffici postali "Sportello Amico". Servono il passaporto, il permesso
                    in scadenza, il contratto di lavoro e le ultime buste paga, la marca da bollo da 16 euro e il pagamento
                    del bollettino. La ricevuta delle Poste, con il vecchio permesso, vale come documento finché arriva il nuovo.
                    Se vuole, possiamo controllare insieme il modulo allo sportello: prenoti un appuntamento.""", List.of(),
                    false, "g.bianchi");

            Question family = ask("layla.hassan@example.org", "Layla", Language.AR, "ricongiungimento-familiare", false,
                    "السلام عليكم، زوجي يعمل في سارونو منذ سنتين ولديه تصريح إقامة. كيف يمكنه أن يطلب لمّ شمل الأسرة "
                            + "لي ولأطفالنا الثلاثة؟ وما هو الدخل المطلوب؟");
            desk.assign(family, "a.elidrissi", "m.rossi");

            ask("olena.shevchenko@example.org", "Olena", Language.UK, "residenza-anagrafe", false,
                    "Добрий день! Я приїхала з України і маю посвідку тимчасового захисту. Як мені зареєструвати місце "
                            + "проживання в Саронно і які документи потрібні?");

            Question school = ask("james.okafor@example.org", "James", Language.EN, "scuola", true,
                    "Hello, we arrived in Saronno in November. My son is 12. Can he start school now, in the middle "
                            + "of the year, and which school should we contact?");
            desk.answer(school, """
                    Hello James,
                    yes: in Italy children can be enrolled at school at any time of the year, even if the family's papers
                    are still being processed. At 12 your son will usually attend the "scuola secondaria di primo grado".
                    Contact the secretary's office of the nearest school, or come to our desk and we will call them with you.""",
                    List.of(), false, "g.bianchi");
            desk.rate(school, 5, "Very clear, thank you!");
            desk.closeByResident(school);

            Question work = ask("ardit.krasniqi@example.org", "Ardit", Language.SQ, "lavoro", false,
                    "Përshëndetje, më kanë ofruar një kontratë pune me kohë të caktuar. A mund ta konvertoj lejen e "
                            + "qëndrimit për studim në leje për punë?");
            jdbc.sql("UPDATE question SET due_at = now() - interval '2 days' WHERE id = :id").param("id", work.id()).update();

            Question health = ask("aminata.diop@example.org", "Aminata", Language.FR, "salute", false,
                    "Bonjour, comment puis-je m'inscrire au service de santé et choisir un médecin de famille ?");
            desk.answer(health, "Bonjour Aminata,\npour vous répondre précisément, pouvez-vous nous dire quel type de permis de "
                    + "séjour vous avez et si vous êtes inscrite à l'état civil (anagrafe) de Saronno ?", List.of(), true,
                    "a.elidrissi");

            java.util.Map<String, Long> faqIds = new java.util.HashMap<>();
            faqIds.put("rinnovo-permesso-di-soggiorno", faq(renewal.id(), "rinnovo-permesso-di-soggiorno", "permesso-di-soggiorno",
                    "Quando devo chiedere il rinnovo del permesso di soggiorno?",
                    """
                    Prima della scadenza: il consiglio è di presentare la domanda **almeno 60 giorni prima**.
                    Per la maggior parte dei permessi la domanda si presenta con il **kit postale** agli uffici postali
                    "Sportello Amico". La ricevuta delle Poste, insieme al vecchio permesso, vale come documento finché
                    non ritiri il nuovo in Questura.""",
                    "When should I apply to renew my residence permit?",
                    """
                    Before it expires: we advise applying **at least 60 days before** the expiry date.
                    For most permits you apply with the **postal kit** at post offices with a "Sportello Amico" desk.
                    The post office receipt, together with your old permit, is your document until you collect the new one.""",
                    "متى يجب أن أطلب تجديد تصريح الإقامة؟",
                    """
                    قبل انتهاء صلاحيته: ننصح بتقديم الطلب **قبل 60 يوما على الأقل** من تاريخ الانتهاء.
                    لمعظم أنواع التصاريح يُقدَّم الطلب عبر **kit postale (المغلّف البريدي)** في مكاتب البريد التي فيها شبّاك "Sportello Amico".
                    إيصال البريد مع التصريح القديم يعدّ وثيقتك إلى أن تستلم التصريح الجديد."""));
            faqIds.put("iscrizione-scuola-durante-anno", faq(school.id(), "iscrizione-scuola-durante-anno", "scuola",
                    "Mio figlio può iscriversi a scuola durante l'anno?",
                    """
                    Sì. I minori stranieri hanno diritto all'istruzione e possono essere iscritti **in qualsiasi momento
                    dell'anno scolastico**, anche se i documenti della famiglia non sono ancora in regola.
                    Rivolgiti alla segreteria della scuola più vicina o allo sportello dell'Ufficio Cittadini Immigrati.""",
                    "Can my child start school during the year?",
                    """
                    Yes. Foreign children have the right to education and can be enrolled **at any time of the school
                    year**, even if the family's papers are not yet in order. Ask the secretary's office of the nearest
                    school, or our desk.""",
                    null, null));
            // the other languages (demo/faq-translations.json: written from the Italian, not reviewed)
            for (FaqTranslation t : faqTranslations()) {
                Language.byCode(t.language()).ifPresent(language -> faqs.saveText(faqIds.get(t.slug()), language,
                        t.question(), t.answer().strip(), "l.ferrari", true));
            }
            // model answers in every language (demo/model-answers.json: written from the Italian, not reviewed)
            for (ModelAnswer model : modelAnswers()) {
                canned.save(null, model.topic(), model.language(), model.title(), model.body(), "m.rossi");
            }
        });
        log.info("Demo data: 6 questions, 2 FAQ in every language and 2 model answers in every language for the question desk");
    }

    record ModelAnswer(String language, String topic, String title, String body) {
    }

    record FaqTranslation(String slug, String language, String question, String answer) {
    }

    private static List<FaqTranslation> faqTranslations() {
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource("demo/faq-translations.json").getInputStream()) {
            return List.of(tools.jackson.databind.json.JsonMapper.builder().build().readValue(in, FaqTranslation[].class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<ModelAnswer> modelAnswers() {
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource("demo/model-answers.json").getInputStream()) {
            return List.of(tools.jackson.databind.json.JsonMapper.builder().build().readValue(in, ModelAnswer[].class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Question ask(String email, String name, Language language, String topic, boolean publish, String text) {
        return desk.submit(new QuestionDesk.Admitted(UUID.randomUUID(), email, name, language, topic, text, publish,
                List.of(), Channel.WEB, null)).question();
    }

    private long faq(long questionId, String slug, String topic, String itQuestion, String itAnswer, String enQuestion,
            String enAnswer, String arQuestion, String arAnswer) {
        Question question = desk.byToken(jdbc.sql("SELECT access_token FROM question WHERE id = :id").param("id", questionId)
                .query(String.class).single()).orElseThrow();
        long id = faqs.draftFrom(question, "l.ferrari");
        faqs.update(id, slug, topic, "l.ferrari");
        faqs.saveText(id, Language.IT, itQuestion, itAnswer.strip(), "l.ferrari");
        // translations of the demo, not reviewed by an office: residents see the notice
        faqs.saveText(id, Language.EN, enQuestion, enAnswer.strip(), "l.ferrari", true);
        if (arQuestion != null) {
            faqs.saveText(id, Language.AR, arQuestion, arAnswer.strip(), "l.ferrari", true);
        }
        faqs.publish(id, "l.ferrari");
        return id;
    }
}
