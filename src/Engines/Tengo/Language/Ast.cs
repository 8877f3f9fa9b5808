namespace LlmSpell.Engines.Tengo.Language;

// The syntax tree. Selectors (a.b) are parsed as index expressions with a string key, which is
// what they mean in Tengo, so the compiler has one path for both.

public abstract record Node(SourcePos Pos);

public abstract record Expr(SourcePos Pos) : Node(Pos);

public sealed record IdentExpr(SourcePos Pos, string Name) : Expr(Pos);

public sealed record IntLit(SourcePos Pos, long Value) : Expr(Pos);

public sealed record FloatLit(SourcePos Pos, double Value) : Expr(Pos);

public sealed record StringLit(SourcePos Pos, string Value) : Expr(Pos);

public sealed record CharLit(SourcePos Pos, int Value) : Expr(Pos);

public sealed record BoolLit(SourcePos Pos, bool Value) : Expr(Pos);

public sealed record UndefinedLit(SourcePos Pos) : Expr(Pos);

public sealed record ArrayLit(SourcePos Pos, IReadOnlyList<Expr> Elements) : Expr(Pos);

public sealed record MapEntry(SourcePos Pos, string Key, Expr Value);

public sealed record MapLit(SourcePos Pos, IReadOnlyList<MapEntry> Entries) : Expr(Pos);

public sealed record FuncLit(SourcePos Pos, IReadOnlyList<IdentExpr> Parameters, bool VarArgs, BlockStmt Body) : Expr(Pos);

public sealed record UnaryExpr(SourcePos Pos, Token Op, Expr Operand) : Expr(Pos);

public sealed record BinaryExpr(SourcePos Pos, Token Op, Expr Left, Expr Right) : Expr(Pos);

public sealed record CondExpr(SourcePos Pos, Expr Condition, Expr Then, Expr Else) : Expr(Pos);

public sealed record CallExpr(SourcePos Pos, Expr Function, IReadOnlyList<Expr> Arguments, bool Spread) : Expr(Pos);

public sealed record IndexExpr(SourcePos Pos, Expr Target, Expr Index) : Expr(Pos);

public sealed record SliceExpr(SourcePos Pos, Expr Target, Expr? Low, Expr? High) : Expr(Pos);

public sealed record ErrorExpr(SourcePos Pos, Expr Value) : Expr(Pos);

public sealed record ImmutableExpr(SourcePos Pos, Expr Value) : Expr(Pos);

public sealed record ImportExpr(SourcePos Pos, string Module) : Expr(Pos);

public abstract record Stmt(SourcePos Pos) : Node(Pos);

public sealed record ExprStmt(SourcePos Pos, Expr Expr) : Stmt(Pos);

/// <summary><c>x := v</c>, <c>x = v</c> or a compound assignment such as <c>x += v</c>.</summary>
public sealed record AssignStmt(SourcePos Pos, Expr Target, Token Op, Expr Value) : Stmt(Pos);

public sealed record IncDecStmt(SourcePos Pos, Expr Target, Token Op) : Stmt(Pos);

public sealed record BlockStmt(SourcePos Pos, IReadOnlyList<Stmt> Statements) : Stmt(Pos);

public sealed record IfStmt(SourcePos Pos, Stmt? Init, Expr Condition, BlockStmt Then, Stmt? Else) : Stmt(Pos);

public sealed record ForStmt(SourcePos Pos, Stmt? Init, Expr? Condition, Stmt? Post, BlockStmt Body) : Stmt(Pos);

public sealed record ForInStmt(SourcePos Pos, IdentExpr Key, IdentExpr? Value, Expr Iterable, BlockStmt Body) : Stmt(Pos);

public sealed record BranchStmt(SourcePos Pos, Token Kind) : Stmt(Pos);

public sealed record ReturnStmt(SourcePos Pos, Expr? Value) : Stmt(Pos);

public sealed record ExportStmt(SourcePos Pos, Expr Value) : Stmt(Pos);

public sealed record EmptyStmt(SourcePos Pos) : Stmt(Pos);

public sealed record ParsedFile(string Name, IReadOnlyList<Stmt> Statements);
