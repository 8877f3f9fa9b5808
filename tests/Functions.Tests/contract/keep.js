const kept = await artifacts.put("notes/today.md", input.text ?? "nothing", "text/markdown");
return { name: kept.name, url: await artifacts.url(kept.name, { expires_in_s: 60 }) };
