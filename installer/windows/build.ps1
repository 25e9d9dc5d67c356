# Builds EcoReport-<version>-setup.exe on Windows 10/11 (x64). NOT TESTED in this project's CI,
# which runs on Debian; follow installer/windows/README.md step by step.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
if (-not (Test-Path .venv)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install --upgrade pip
.venv\Scripts\python -m pip install -e ".[build]"
Get-ChildItem resources\translations\*.ts | ForEach-Object {
    .venv\Scripts\pyside6-lrelease -silent $_.FullName -qm ($_.FullName -replace '\.ts$', '.qm')
}
.venv\Scripts\pyinstaller --noconfirm --distpath build\dist --workpath build\pyinstaller installer\ecoreport.spec
$version = .venv\Scripts\python -c "import desktop; print(desktop.__version__)"
& "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" "/DAppVersion=$version" installer\windows\ecoreport.iss
Write-Host "Built build\EcoReport-$version-setup.exe"
