package it.comune.immigrati.mail;

import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Tells mail a person wrote from mail a machine sent, for every module that might answer an e-mail. */
public final class AutomaticMail {

    private AutomaticMail() {
    }

    /**
     * Mail no person wrote: auto-replies, out-of-office notices, bounces and delivery reports (RFC 3834,
     * RFC 3464) and bulk mail. Answering them would start a mail loop.
     */
    public static boolean isAutomatic(MimeMessage message) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.equalsIgnoreCase("no")) {
            return true;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
            return true;
        }
        if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null
                || header(message, "List-Id") != null) {
            return true;
        }
        String autoSuppress = header(message, "X-Auto-Response-Suppress");
        if (autoSuppress != null && autoSuppress.toLowerCase(Locale.ROOT).matches(".*(all|oof|autoreply).*")) {
            return true;
        }
        String returnPath = header(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return true;
        }
        if (message.isMimeType("multipart/report")) {
            return true;
        }
        String from = message.getFrom() == null || message.getFrom().length == 0 ? ""
                : message.getFrom()[0].toString().toLowerCase(Locale.ROOT);
        return from.contains("mailer-daemon") || from.contains("postmaster@");
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? null : value.strip();
    }

}
