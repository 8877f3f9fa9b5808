throw { code: "quota_exceeded", message: "too many greetings" };
