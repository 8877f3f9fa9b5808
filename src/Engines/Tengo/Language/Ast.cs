namespace LlmSpell.Engines.Tengo.Language;

// The syntax tree. Selectors (a.b) are parsed as index expressions with a string key, which is
// what they mean in Tengo, so the compiler has one path for both.

internal abstract record Node(SourcePos Pos);

internal abstract record Expr(SourcePos Pos) : Node(Pos);

internal sealed record IdentExpr(SourcePos Pos, string Name) : Expr(Pos);

internal sealed record IntLit(SourcePos Pos, long Value) : Expr(Pos);

internal sealed record FloatLit(SourcePos Pos, double Value) : Expr(Pos);

internal sealed record StringLit(SourcePos Pos, string Value) : Expr(Pos);

internal sealed record CharLit(SourcePos Pos, int Value) : Expr(Pos);

internal sealed record BoolLit(SourcePos Pos, bool Value) : Expr(Pos);

internal sealed record UndefinedLit(SourcePos Pos) : Expr(Pos);

internal sealed record ArrayLit(SourcePos Pos, IReadOnlyList<Expr> Elements) : Expr(Pos);

internal sealed record MapEntry(SourcePos Pos, string Key, Expr Value);

internal sealed record MapLit(SourcePos Pos, IReadOnlyList<MapEntry> Entries) : Expr(Pos);

internal sealed record FuncLit(SourcePos Pos, IReadOnlyList<IdentExpr> Parameters, bool VarArgs, BlockStmt Body) : Expr(Pos);

internal sealed record UnaryExpr(SourcePos Pos, Token Op, Expr Operand) : Expr(Pos);

internal sealed record BinaryExpr(SourcePos Pos, Token Op, Expr Left, Expr Right) : Expr(Pos);

internal sealed record CondExpr(SourcePos Pos, Expr Condition, Expr Then, Expr Else) : Expr(Pos);

internal sealed record CallExpr(SourcePos Pos, Expr Function, IReadOnlyList<Expr> Arguments, bool Spread) : Expr(Pos);

internal sealed record IndexExpr(SourcePos Pos, Expr Target, Expr Index) : Expr(Pos);

internal sealed record SliceExpr(SourcePos Pos, Expr Target, Expr? Low, Expr? High) : Expr(Pos);

internal sealed record ErrorExpr(SourcePos Pos, Expr Value) : Expr(Pos);

internal sealed record ImmutableExpr(SourcePos Pos, Expr Value) : Expr(Pos);

internal sealed record ImportExpr(SourcePos Pos, string Module) : Expr(Pos);

internal abstract record Stmt(SourcePos Pos) : Node(Pos);

internal sealed record ExprStmt(SourcePos Pos, Expr Expr) : Stmt(Pos);

/// <summary><c>x := v</c>, <c>x = v</c> or a compound assignment such as <c>x += v</c>.</summary>
internal sealed record AssignStmt(SourcePos Pos, Expr Target, Token Op, Expr Value) : Stmt(Pos);

internal sealed record IncDecStmt(SourcePos Pos, Expr Target, Token Op) : Stmt(Pos);

internal sealed record BlockStmt(SourcePos Pos, IReadOnlyList<Stmt> Statements) : Stmt(Pos);

internal sealed record IfStmt(SourcePos Pos, Stmt? Init, Expr Condition, BlockStmt Then, Stmt? Else) : Stmt(Pos);

internal sealed record ForStmt(SourcePos Pos, Stmt? Init, Expr? Condition, Stmt? Post, BlockStmt Body) : Stmt(Pos);

internal sealed record ForInStmt(SourcePos Pos, IdentExpr Key, IdentExpr? Value, Expr Iterable, BlockStmt Body) : Stmt(Pos);

internal sealed record BranchStmt(SourcePos Pos, Token Kind) : Stmt(Pos);

internal sealed record ReturnStmt(SourcePos Pos, Expr? Value) : Stmt(Pos);

internal sealed record ExportStmt(SourcePos Pos, Expr Value) : Stmt(Pos);

internal sealed record EmptyStmt(SourcePos Pos) : Stmt(Pos);

internal sealed record ParsedFile(string Name, IReadOnlyList<Stmt> Statements);
