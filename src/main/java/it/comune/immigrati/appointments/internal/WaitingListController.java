package it.comune.immigrati.appointments.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.appointments.internal.AppointmentRecords.Offer;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Office;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Service;
import it.comune.immigrati.appointments.internal.AppointmentRecords.Waiting;
import it.comune.immigrati.appointments.internal.SlotCalendar.Slot;
import it.comune.immigrati.platform.PrivateLinks;
import it.comune.immigrati.site.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The resident's side of the waiting list, without an account and without JavaScript: joining from the
 * times page, and a private page (link in the e-mails) that shows the place in line and the time offered,
 * with buttons to book it, pass it on, or leave. Opening the page changes nothing.
 */
@Controller
class WaitingListController {

    private final WaitingList list;
    private final AppointmentStore store;
    private final PrivateLinks links;

    WaitingListController(WaitingList list, AppointmentStore store, PrivateLinks links) {
        this.list = list;
        this.store = store;
        this.links = links;
    }

    private static Language language(HttpServletRequest request) {
        return Language.of(RequestContextUtils.getLocale(request));
    }

    private Service service(String code, HttpServletRequest request) {
        return store.service(code, language(request).code()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Office office(Service service, String code) {
        return store.offices(service.id()).stream().filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/appuntamenti/servizio/{serviceCode}/{officeCode}/attesa")
    String joinPage(@PathVariable String serviceCode, @PathVariable String officeCode, HttpServletRequest request, Model model) {
        Service service = service(serviceCode, request);
        Office office = office(service, officeCode);
        AppointmentRecords.WaitingForm empty = new AppointmentRecords.WaitingForm("", language(request).code(), false, list.today().toString(),
                list.lastDay(service).toString(), false);
        return joinView(service, office, empty, List.of(), model);
    }

    private String joinView(Service service, Office office, AppointmentRecords.WaitingForm form, List<String> errors, Model model) {
        model.addAttribute("service", service);
        model.addAttribute("office", office);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("first", list.today().toString());
        model.addAttribute("last", list.lastDay(service).toString());
        return "appointments/waiting-join";
    }

    @PostMapping("/appuntamenti/servizio/{serviceCode}/{officeCode}/attesa")
    String join(@PathVariable String serviceCode, @PathVariable String officeCode,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "false") boolean mediator, @RequestParam(name = "dal", defaultValue = "") String from,
            @RequestParam(name = "al", defaultValue = "") String to, @RequestParam(defaultValue = "false") boolean privacy,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Service service = service(serviceCode, request);
        Office office = office(service, officeCode);
        AppointmentRecords.WaitingForm form = new AppointmentRecords.WaitingForm(email, language, mediator, from, to, privacy);
        WaitingList.JoinResult result = list.join(service, office, form, request.getRemoteAddr());
        if (result instanceof WaitingList.Joined joined) {
            return "redirect:/appuntamenti/attesa/" + joined.place().accessToken() + "?iscritto";
        }
        WaitingList.JoinRefused refused = (WaitingList.JoinRefused) result;
        response.setStatus(refused.status());
        return joinView(service, office, form, refused.errors(), model);
    }

    private Waiting place(String token, HttpServletRequest request, HttpServletResponse response) {
        return links.find(token, list::byToken, request, response);
    }

    @GetMapping("/appuntamenti/attesa/{token}")
    String page(@PathVariable String token, @RequestParam(name = "iscritto", required = false) String joined,
            @RequestParam(name = "rifiutato", required = false) String declined,
            @RequestParam(name = "uscito", required = false) String left, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return pageView(place(token, request, response), joined != null, declined != null, left != null, null, request, model);
    }

    private String pageView(Waiting place, boolean joined, boolean declined, boolean left, String problem,
            HttpServletRequest request, Model model) {
        Language language = language(request);
        Service service = store.service(place.serviceId(), language.code()).orElseThrow();
        Office office = store.office(place.officeId()).orElseThrow();
        DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
        Optional<Offer> offer = list.openOffer(place);
        model.addAttribute("place", place);
        model.addAttribute("service", service);
        model.addAttribute("office", office);
        model.addAttribute("from", days.format(place.fromDay()));
        model.addAttribute("to", days.format(place.toDay()));
        model.addAttribute("ahead", place.inLine() ? list.ahead(place) : 0);
        model.addAttribute("offered", offer.map(o -> ResidentBookingController.shown(
                new Slot(o.start(), store.byId(o.appointmentId()).orElseThrow().end()), language)).orElse(null));
        model.addAttribute("offeredUntil", offer.map(o -> AppointmentMail.when(o.until(), language)).orElse(null));
        model.addAttribute("joined", joined);
        model.addAttribute("declined", declined);
        model.addAttribute("left", left);
        model.addAttribute("problem", problem);
        return "appointments/waiting";
    }

    @PostMapping("/appuntamenti/attesa/{token}/accetta")
    String accept(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Waiting place = place(token, request, response);
        WaitingList.AnswerResult result = list.accept(token);
        if (result instanceof WaitingList.Accepted accepted) {
            return "redirect:/appuntamenti/mia/" + accepted.appointment().accessToken() + "?prenotato";
        }
        response.setStatus(result instanceof WaitingList.NoOffer ? HttpStatus.GONE.value() : HttpStatus.CONFLICT.value());
        String problem = result instanceof WaitingList.AcceptRefused refused ? refused.problem() : "appointments.error.offer.gone";
        return pageView(list.byToken(token).orElse(place), false, false, false, problem, request, model);
    }

    @PostMapping("/appuntamenti/attesa/{token}/rifiuta")
    String decline(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        place(token, request, response);
        list.decline(token);
        return "redirect:/appuntamenti/attesa/" + token + "?rifiutato";
    }

    @PostMapping("/appuntamenti/attesa/{token}/esci")
    String leave(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        place(token, request, response);
        list.leave(token);
        return "redirect:/appuntamenti/attesa/" + token + "?uscito";
    }
}
