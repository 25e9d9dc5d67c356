; Inno Setup script for EcoReport on Windows. Built by build.ps1; NOT TESTED in CI (see README.md here).
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{4A82CF5C-1AFD-4D28-A5AE-2AC477EB28FB}
AppName=EcoReport 生态环境半年报填报审核系统
AppVersion={#AppVersion}
AppPublisher=EcoReport
DefaultDirName={autopf}\EcoReport
DefaultGroupName=EcoReport
OutputDir=..\..\build
OutputBaseFilename=EcoReport-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\build\dist\ecoreport\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\生态环境半年报填报审核系统"; Filename: "{app}\ecoreport.exe"; Parameters: ""
Name: "{autodesktop}\生态环境半年报填报审核系统"; Filename: "{app}\ecoreport.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\ecoreport.exe"; Parameters: "selftest"; Flags: runhidden waituntilterminated; StatusMsg: "Self-test…"
Filename: "{app}\ecoreport.exe"; Description: "{cm:LaunchProgram,EcoReport}"; Flags: nowait postinstall skipifsilent
