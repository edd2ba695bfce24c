; Inno Setup 6 script: the Windows installer for Samoe's one-folder PyInstaller bundle.
;
; !! NOT TESTED: Samoe is developed and tested on Linux; this script has never been compiled
; !! or run there. Check it on a Windows machine before the first release.
;
; Build on Windows (Python 3.11, Git Bash, Inno Setup 6 installed):
;   1. bash packaging/build_bundle.sh       -> dist\samoe\samoe.exe, samoe-cli.exe, _internal\
;   2. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\samoe.iss
;      (AppVersion: the version in pyproject.toml)      -> dist\installer\samoe-0.1.0-setup.exe
;
; After installing, check it from a console:  "%LOCALAPPDATA%\Programs\Samoe\samoe-cli.exe" --self-test
; (per-user install; "C:\Program Files\Samoe" for all users).
;
; Languages: Inno Setup ships no official Thai translation. English is the only language
; here; a community Thai.isl (Inno Setup's "unofficial translations" page) can be added
; below once someone has checked its wording. The program itself opens in Thai.
;
; Installs per user by default (no administrator rights needed, as in most municipal
; offices); an administrator can choose "all users". User data (the database, backups)
; lives in %LOCALAPPDATA%\Samoe and is never removed by the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Samoe"
#define AppExe "samoe.exe"
#define BundleDir "..\..\dist\samoe"

[Setup]
; AppId identifies the program for upgrades and uninstall: never change it.
AppId={{6B1E1C52-6A3D-4E0B-9B7C-5A3E2D1F0A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Samoe
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=samoe-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
; SetupIconFile=..\..\resources\icons\samoe.ico   (when the icon exists)
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Name: "thai"; MessagesFile: "Thai.isl"    ; unofficial translation, see the note above

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; the whole one-folder bundle: samoe.exe (windowed), samoe-cli.exe (console) and _internal\
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade must not keep libraries from the previous version next to the new ones
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
