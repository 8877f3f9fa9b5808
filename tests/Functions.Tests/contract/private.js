return "never over HTTP";
