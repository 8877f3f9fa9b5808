const ok = true;
const = 5;
