const problems = [];
for (const name of ["../escape.txt", "/etc/passwd", "a//b", ".hidden", "reports/", "sp ace"]) {
  try { await artifacts.put(name, "x"); problems.push(`accepted ${name}`); } catch (e) { problems.push(`${e.code} ${name}`); }
}
try { await artifacts.put("big.txt", "x".repeat(16 * 1024 * 1024 + 1)); } catch (e) { problems.push(e.code); }
return problems;
