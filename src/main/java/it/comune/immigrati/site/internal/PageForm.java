package it.comune.immigrati.site.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An editor's version of a content page. */
public class PageForm {

    @NotBlank
    @Size(max = 200)
    private String title;

    @NotBlank
    @Size(max = 100000)
    private String body;

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
