const now = time.now();
return { integer: Number.isInteger(now), after_2025: now > 1735689600000 };
