-- Question intake through the public JSON API: every request is a new resident (own e-mail address and
-- client address, so the per-client and per-address limits do not apply) asking in one of five
-- languages. Prints the answers that said "created" per second with the latency percentiles.
package.path = "bench/?.lua;" .. package.path
local report = require("report")
local texts = {
  it = "Il mio permesso di soggiorno scade tra due mesi: quando devo chiedere il rinnovo e quali documenti servono?",
  en = "My residence permit expires in two months: when should I apply for renewal and which documents do I need?",
  fr = "Mon titre de séjour expire dans deux mois : quand dois-je demander le renouvellement ?",
  ar = "تنتهي صلاحية تصريح إقامتي بعد شهرين: متى يجب أن أطلب التجديد وما هي الوثائق المطلوبة؟",
  sq = "Leja ime e qëndrimit skadon pas dy muajsh: kur duhet të kërkoj rinovimin?" }
local languages = { "it", "en", "fr", "ar", "sq" }
local counter = 0
local id = 0
local threads = {}
setup = function(thread)
  id = id + 1
  thread:set("id", id)
  table.insert(threads, thread)
end
request = function()
  counter = counter + 1
  local language = languages[(counter % #languages) + 1]
  local n = id * 10000000 + counter
  local body = string.format('{"email": "intake-%d@example.org", "language": "%s", "topic": "permesso-di-soggiorno", ' ..
    '"text": "%s (%d)", "privacyConsent": true}', n, language, texts[language], n)
  local headers = { ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", id % 250, math.floor(counter / 250) % 250, counter % 250 + 1) }
  return wrk.format("POST", "/api/v1/questions", headers, body)
end
done = function(summary, latency, requests)
  io.write(report.line(summary, latency, "not created", "created/s", true))
end
