package it.comune.immigrati.questions.internal.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.web.multipart.MultipartFile;

/** The resident's form on /quesiti/nuovo. */
public class QuestionForm {

    private String email = "";
    private String name = "";
    private String language = "";
    private String topic = "";
    private String text = "";
    private boolean privacy;
    private boolean publish;
    /** Hidden from people; bots fill it in. */
    private String website = "";
    /** A fresh key per form shown, so that a double click stores one question. */
    private UUID submission = UUID.randomUUID();
    private List<MultipartFile> attachments = new ArrayList<>();
    /** The solved proof-of-work challenge (base64 JSON), set by the page script; empty without JavaScript. */
    private String altcha = "";

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.strip();
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null ? "" : language;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic == null ? "" : topic;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? "" : text.strip();
    }

    public boolean isPrivacy() {
        return privacy;
    }

    public void setPrivacy(boolean privacy) {
        this.privacy = privacy;
    }

    public boolean isPublish() {
        return publish;
    }

    public void setPublish(boolean publish) {
        this.publish = publish;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website == null ? "" : website;
    }

    public UUID getSubmission() {
        return submission;
    }

    public void setSubmission(UUID submission) {
        this.submission = submission == null ? UUID.randomUUID() : submission;
    }

    public String getAltcha() {
        return altcha;
    }

    public void setAltcha(String altcha) {
        this.altcha = altcha == null ? "" : altcha;
    }

    public List<MultipartFile> getAttachments() {
        return attachments;
    }

    public void setAttachments(List<MultipartFile> attachments) {
        this.attachments = attachments == null ? new ArrayList<>() : attachments;
    }
}
