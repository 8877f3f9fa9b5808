local function dt(args) return tools.call("datetime", args) end
return {
  parsed = dt({ action = "parse", value = "2026-03-29T00:30:00Z", time_zone = "Europe/Paris" }),
  plus_day = dt({ action = "add", value = "2026-03-28T12:00:00", time_zone = "Europe/Paris", amount = 1, unit = "days" }),
  plus_month = dt({ action = "add", value = "2026-01-31T00:00:00Z", amount = 1, unit = "months" }),
  hours = dt({ action = "diff", value = "2026-03-28T00:00:00+01:00", other = "2026-03-29T00:00:00+01:00", unit = "hours" }),
  formatted = dt({ action = "format", value = "2026-07-04T09:05:00Z", format = "dddd d MMMM yyyy HH:mm" }),
  now_is_iso = string.match(dt({ action = "now" }), "^%d%d%d%d%-%d%d%-%d%dT") ~= nil,
}
