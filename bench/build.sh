#!/usr/bin/env bash
# The service as operators run it (Release) and the bench tool; the bench project is not in AfterSales.slnx.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/AfterSales.Web -c Release -nologo -v q
dotnet build bench/AfterSales.Bench -c Release -nologo -v q
