# The Todo server image: published in the .NET SDK image, run in the ASP.NET Core runtime image as a non-root user.
#   podman build -t todo .        (or docker build -t todo .)
# The base images are build arguments so that a mirror or a hardened copy of them can stand in.
# Configuration comes from the environment only (docs/deploy.md). The root filesystem may be read-only: the server
# writes nothing but the SQLite database under /data (the volume); on PostgreSQL it writes nothing at all.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Restore first, from the project files alone, so that a change in the code reuses the restored layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Todo.Server/Todo.Server.csproj src/Todo.Server/
RUN --mount=type=cache,id=todo-nuget,target=/root/.nuget/packages \
    dotnet restore src/Todo.Server/Todo.Server.csproj
COPY src/Todo.Server/ src/Todo.Server/
RUN --mount=type=cache,id=todo-nuget,target=/root/.nuget/packages \
    dotnet publish src/Todo.Server/Todo.Server.csproj -c Release --no-restore -p:UseAppHost=false -o /app \
    && install -d -m 700 /data

FROM ${RUNTIME_IMAGE}
# The user of the official images' "app" account, by number, so that Kubernetes' runAsNonRoot can check it.
ARG APP_UID=1654
WORKDIR /app
COPY --from=build /app ./
# The volume for SQLite (the default database here): writable by the server's user alone.
COPY --from=build --chown=${APP_UID}:${APP_UID} /data /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Todo="Data Source=/data/todo.db" \
    DOTNET_RUNNING_IN_CONTAINER=true
USER ${APP_UID}:${APP_UID}
EXPOSE 8080
VOLUME /data
# GET /health/ready on this container's port, by the server's own "health" command (the image has no curl).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "/app/Todo.Server.dll", "health"]
ENTRYPOINT ["dotnet", "/app/Todo.Server.dll"]
