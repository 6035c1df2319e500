namespace Todo.Server;

/// <summary>A failure an operator can act on (configuration, database state); its message is the one line printed.</summary>
public sealed class OperatorException(string message) : Exception(message);
