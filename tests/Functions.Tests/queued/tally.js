return (input.items ?? []).length;
