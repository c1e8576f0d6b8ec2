import RunbookKit
import Testing

/// The tools a step needs, read from its code blocks as a shell user reads them: one
/// small runbook per defect class of issue 13, loaded as Markdown.
@Suite struct ShellCommandReadingTests {
    /// The tools of the runbook's only action section, in reading order.
    func tools(_ body: String) throws -> [String] {
        let runbook = try RunbookLoader.parse("# Disk full\n\n## Fix\n\n" + body, file: "rb.md")
        return runbook.steps.flatMap { $0.tools.map(\.name) }
    }

    @Test("output under a command: tables, listings, logs and elisions are not tools", arguments: [
        "```\nkubectl get pods -n apps\nNAME        READY   STATUS    RESTARTS   AGE\nweb-1       1/1     Running   0          4h\n```",
        "```bash\nkubectl get pods\n\nNAMESPACE   NAME   READY\nweb-1   1/1   Running\n```",
        "```console\nkubectl edit cm kube-proxy-config\n...\nmetricsBindAddress: 0.0.0.0:10249\n...\n```",
        "```sh\nkubectl logs kube-proxy-b9g23\nI0428 10:00:00.000000       1 server.go:123] Using iptables Proxier\n"
            + "2024-04-28T10:00:00Z level=error msg=\"sync failed\"\nBuilding dependency tree\n```",
        "```\nkubectl version --client\nClient Version: v1.29.0\nKustomize Version: v5.0.4\n```",
        "```sh\nkubectl exec deploy/search -- curl -s localhost:9200/_cat/indices\nhealth status index\ngreen  open   .kibana_1\n```",
        "```\nkubectl get pods\ngoroutine 1 [running]:\nnothing to commit, working tree clean\n```",
        "```bash\nkubectl apply -f web.yaml\ndeployment.apps/web configured\nservice/web unchanged\n```",
        "```sh\nkubectl exec db-0 -- psql -c 'select datname, numbackends from pg_stat_database'\n"
            + " datname  | numbackends\n----------+-------------\n postgres |           1\n(1 row)\n```",
    ])
    func outputIsNotTools(_ block: String) throws {
        #expect(try tools(block) == ["kubectl"])
    }

    @Test func aDirectoryListingIsOutput() throws {
        let block = "```bash\nls -l /var/lib/etcd\ntotal 12\ndrwx------ 4 etcd etcd 4096 Jan  1 00:00 member\n"
            + "-rw-r--r-- 1 etcd etcd   10 Jan  1 00:00 lock\n```"
        #expect(try tools(block) == ["ls"])
    }

    @Test("another language holds no commands", arguments: [
        "```sql\nSELECT pid, state FROM pg_stat_activity;\n```",
        "```promql\nsum(rate(http_requests_total[5m])) by (job)\n```",
        "```yaml\ncommand:\n  - kubectl\n  - get\n```",
        "```json\n{\"cmd\": \"kubectl get pods\"}\n```",
        "```text\nkubectl get pods\n```",
        "```log\nkubectl exited with 1\n```",
        "```ruby\nasset.update(file_size: 123)\n```",
        "```\nsum by (job) (rate(http_requests_total[5m]))\n```",
        "```\nnode_filesystem_free_bytes\n```",
        "```\nvolumes:\n  - bundle:/usr/local/bundle\n```",
        "```\ncontent-publisher:\n  docker-compose run demo bundle install\n```",
        "```\nnameserver 127.0.0.1\nport 53\n```",
        "```\nHost bastion\n  HostName 10.0.0.1\n  User ops\n```",
        "```\nselect count(*) from users;\n```",
        "```\nshow databases;\n```",
        "```sh\nshow pools;\nshow clients;\n```",
        "```\nExtracting ruby\n  /opt/codeql/codeql database finalize --threads=4\n```",
        "```\nDimensions::Edition.where(content_id: \"x\")\n  .last\n```",
        "```\ndatabases = {\n  engine = \"postgres\"\n}\n```",
        "```\ngem \"elasticsearch\", \"~> 6\" # we need 6.x\n```",
        "```\nmodule YourApp\n  class Application < Rails::Application\n    config.assets.prefix = \"/assets\"\n  end\nend\n```",
        "```\nimport {\n  to = aws_s3_bucket.b\n  id = \"bucket\"\n}\n```",
        "```console\nmin_over_time(node_timex_sync_status[5m])\nnode_timex_maxerror_seconds\n```",
        "```\nmysql> SHOW PROCESSLIST;\npostgres=# select 1;\n```",
        "```console\n(etcd_mvcc_db_total_size_in_bytes / etcd_server_quota_backend_bytes) * 100\n```",
        "```\nup == 0\nkube_pod_status_ready > 0\n```",
        "```\n/etc/kubernetes/manifests/kube-apiserver.yaml\n/var/lib/etcd\n```",
        "```\nserver {\n  listen 80;\n  location / {\n    proxy_pass http://app;\n  }\n}\n```",
        "```none\nnameserver 10.0.0.10\nsearch default.svc.cluster.local svc.cluster.local\n```",
    ])
    func otherLanguages(_ block: String) throws {
        #expect(try tools(block) == [])
    }

    @Test func promptsOfEveryForm() throws {
        let block = """
            ```console
            $ kubectl get nodes
            node-1   Ready   control-plane   5d   v1.29.0
            user@host:~$ systemctl status kubelet
            [root@node-1 ~]# journalctl -u kubelet
            sh-4.4# chroot /host
            root@web-1:/app# df -h
            (venv) $ pip install httpie
            % brew install jq
            $mac docker-compose up
            ❯ helm list -A
            I have no name!@mysql-jumpbox:/$
            mysql> SHOW DATABASES;
            postgres=# select 1;
            Filesystem  Size  Used Avail Use% Mounted on
            ```
            """
        #expect(try tools(block) == ["kubectl", "systemctl", "journalctl", "chroot", "df", "pip", "brew", "docker-compose", "helm"])
    }

    @Test func aDollarAndAngleIsAPromptToo() throws {
        let block = """
            ```bash
            $> be knife status 'roles:db'
            db-02.internal  3 minutes ago
            $> ssh-keygen -lf <(ssh-keyscan jump.example 2>/dev/null)
            256 SHA256:Qx0f jump.example (ED25519)
            ```
            """
        #expect(try tools(block) == ["be", "ssh-keygen", "ssh-keyscan"])
    }

    @Test func aWrapperThatIsAProgramIsNeededToo() throws {
        let block = "```\nwatch \"curl -s localhost:9200/_cat/health | grep red\"\n```\n\n```\nsudo timeout 60 systemctl restart app\n```"
        #expect(try tools(block) == ["watch", "curl", "timeout", "systemctl"])
    }

    @Test func codeThatCallsMethodsIsNotShell() throws {
        let block = """
            ```
            import org.example.ci.Pipeline

            Server.instance.getJobs(Pipeline.class).each { job ->
                println job.name
            }
            ```
            """
        #expect(try tools(block) == [])
    }

    @Test func aQuoteLeftOpenCarriesTheCommandOntoTheNextLines() throws {
        let block = """
            ```
            psql -qtc "select count(*)
            from jobs
            where state = 'stuck'" | wc -l
            kubectl exec db-0 -- sh -c '
            update jobs set state = 1;'
            ```

            ```sh
            grep "unclosed /var/log/app.log
            tail -n 5 /var/log/app.log
            ```
            """
        let runbook = try RunbookLoader.parse("# T\n\n## Fix\n\n" + block, file: "rb.md")
        let found = runbook.steps.flatMap(\.tools)
        #expect(found.map(\.name) == ["psql", "wc", "kubectl", "grep", "tail"])
        #expect(found.map(\.location.line) == [6, 8, 9, 14, 15])
    }

    /// Each continuation line is read once: 5,000 of them took over a minute when the
    /// joined command was read again for every line.
    @Test(.timeLimit(.minutes(1))) func aLongRunOfContinuationLinesIsOneCommand() throws {
        let block = "```sh\n" + String(repeating: "kubectl get pods \\\n", count: 5_000) + "  | grep 'web\n```"
        #expect(try tools(block) == ["kubectl", "grep"])
    }

    @Test func keyValueOutputUnderACommandIsOutput() throws {
        let block = """
            ```
            appctl status
            run: web: (pid 4121) 310s; run: log: (pid 4120) 310s
            down: worker: 0s, normally up
            ```

            ```
            stackctl env info
            System:         Debian 12
            Current User:   app
            ```
            """
        #expect(try tools(block) == ["appctl", "stackctl"])
    }

    @Test func aYAMLDocumentAfterABlankLineIsStillYAML() throws {
        let block = "```\nconfigure the app\n\nreplicas: 2\nimage: web:1.4\n```\n\n```\nsettings for prod\n\nserver:\n  port: 80\n```"
        #expect(try tools(block) == [])
    }

    @Test func aLoneNameUnderACommandIsWhatItPrinted() throws {
        let block = "```\nkubectl config current-context\nstaging-eu-2\n```\n\n```\nls /srv/app/conf\nvalues.yaml\n```\n\n"
            + "```bash\nlvextend -L +2G /dev/vg0/data\npvs\nvgs\n```"
        #expect(try tools(block) == ["kubectl", "ls", "lvextend", "pvs", "vgs"])
    }

    @Test func aOneWordAnswerClosingTheBlockIsOutput() throws {
        let block = "```\ncurl -s localhost:8080/healthz\nok\n```\n\n```\nsystemctl is-active api\nactive\n```\n\n"
            + "```bash\ncd /srv/api\nmake\n```"
        #expect(try tools(block) == ["curl", "systemctl", "make"])
    }

    @Test func aFilePrintedUnderItsCommandIsOutput() throws {
        let block = "```\ncat /srv/app/values.yaml\nserver:\n  port: 8080\n  replicas: 2\n```"
        #expect(try tools(block) == ["cat"])
    }

    @Test func promptsThatSayWhoAndWhere() throws {
        let block = """
            ```console
            ana@laptop ~ % brew upgrade kubectl
            ==> Upgrading 1 outdated package
            Laptop:~ ana$ dig +short db.internal
            ~/src/ops $ make check
            ok
            ➜  ops git:(main) ✗ git status
            On branch main
            ➜  ~ tsh login
            ```

            ```sh
            ssh ops@db-1 # then, on the host:
            ls ~ # home
            ```
            """
        #expect(try tools(block) == ["brew", "dig", "make", "git", "tsh", "ssh", "ls"])
    }

    @Test func hostPromptsOfSharedConsoles() throws {
        let block = """
            ```
            workstation        $ knife ssh roles:db 'sudo chef-client-disable "maintenance"'
            patroni-01-db-gstg $ sudo gitlab-patronictl pause --wait pg-ha-cluster
            +---------------+---------+
            | pg-ha-cluster | running |
            patroni-01-db-gstg # postpid=$(cat $postmaster | head -1);\\
              clktck=$(getconf CLK_TCK)
            ```
            """
        #expect(try tools(block) == ["knife", "gitlab-patronictl", "cat", "head", "getconf"])
    }

    @Test func aPromptTheAuthorRepeatsIsAPrompt() throws {
        let block = """
            ```
            $ gds-cli aws paas-dev-admin -- make dev bosh-cli
            Opening SSH tunnel
              1. Run 'bosh login'
            BOSH (dev04) $ bosh login
            Successfully authenticated with UAA
            BOSH (dev04) $ bosh -d concourse vms
            Task 260165. Done
            ```

            ```
            [prod] $ cf target -o ops
            api endpoint:   https://api.example
            [prod] $ cf apps
            ```
            """
        #expect(try tools(block) == ["gds-cli", "bosh", "cf"])
    }

    @Test func configArrowsAreNotShell() throws {
        let block = """
            ```
            index => "logs-%{@index_type}-%{[@metadata][index-date]}"
            ```
            """
        #expect(try tools(block).isEmpty)
    }

    @Test func aConsoleSessionsOwnLanguageIsNotShell() throws {
        let block = """
            ```
            sudo gitlab-rails console
            project = Project.find_by_full_path('gitlab-org/gitlab')
            project.repository.expire_cache
            ```

            ```
            psql -h localhost -U postgres
            postgres=# SELECT pid FROM pg_stat_activity;
            ```
            """
        #expect(try tools(block) == ["gitlab-rails", "psql"])
    }

    @Test func aCommandWithOptionsEndsARunOfOutput() throws {
        let block = "```sh\ndf -h /var/lib\nFilesystem      Size  Used Avail Use% Mounted on\n/dev/nvme0n1p1  100G   91G  9.0G  91% /\n"
            + "du -sh /var/lib/* | sort -h | tail\n```"
        #expect(try tools(block) == ["df", "du", "sort", "tail"])
    }

    @Test func onlyPromptedLinesAreCommandsInATranscript() throws {
        let block = "```sh\n$ grep mongo.database /etc/app.properties\nmongo.database.hosts=db-0\ngrep: warning\n$ mongo db-0/app -u master\nMongoDB shell version v3.6\n"
            + "$ curl -O https://x.example/a.tgz\n  % Total    % Received % Xferd  Average Speed\n```"
        #expect(try tools(block) == ["grep", "mongo", "curl"])
    }

    @Test func aHashIsARootPromptOnlyBeforeAKnownTool() throws {
        let block = "```bash\n# restart the pods\n# kubectl delete pod web-1\nmake deploy\n```"
        #expect(try tools(block) == ["kubectl", "make"])
    }

    @Test func aBlockOfHashLinesAloneShowsWhatRootTypes() throws {
        #expect(try tools("```bash\n  # cat /proc/fs/nfsd/versions\n```\n\n```\n# nfsstat -m\n```") == ["cat", "nfsstat"])
        // Comments that say what to do are still comments, and so is a lone remark.
        #expect(try tools("```bash\n# Check the disk with df -h\n# then run df -h again\n# just a note\n```").isEmpty)
    }

    @Test func substitutionsAndExports() throws {
        let block = """
            ```bash
            TOKEN=$(oc sa new-token deployer)
            export NS="$(kubectl get ns -o name | head -1)"
            diff <(sort a.txt) <(sort b.txt)
            echo `date +%s`
            eval $(gds aws role -e)
            ```
            """
        #expect(try tools(block) == ["oc", "kubectl", "head", "diff", "sort", "date", "gds"])
    }

    @Test func wrappersAndTheirOptions() throws {
        let block = """
            ```bash
            sudo -u ops systemctl restart app
            kubectl get pods -o name | xargs -I {} kubectl delete {}
            timeout -s KILL 30s curl -s https://x.example
            watch -n 5 'oc get pods'
            nice -n 10 ionice -c 3 tar czf a.tgz data/
            env -i FOO=1 nohup ./run.sh
            time stdbuf -oL python3 tail.py
            ```
            """
        #expect(try tools(block) == ["systemctl", "kubectl", "xargs", "timeout", "curl", "watch", "oc", "nice", "ionice", "tar",
                                     "nohup", "./run.sh", "stdbuf", "python3"])
    }

    @Test func pipesChainsAndLoops() throws {
        let block = """
            ```sh
            kubectl get pods | grep Crash | awk '{print $1}' && echo ok || logger failed; date & wait
            for c in counters eula; do mongodump -c $c; done
            if pg_isready -h db; then psql -c 'select 1'; fi
            if [ "$(id -u)" == 0 ]; then (cd /tmp && make) 2>&1 | tee build.log; fi
            ```
            """
        #expect(try tools(block) == ["kubectl", "grep", "awk", "logger", "date", "mongodump", "pg_isready", "psql", "id", "make", "tee"])
    }

    @Test func aColonEndsAnIntroductionButNotACommandLine() throws {
        let block = """
            ```
            kubectl get pods -n apps
            Then look at the pod's last state:
            kubectl describe -n apps pod web-1 | grep -A5 Last.State:
            scp -r dumps ops@db-1:
            ```
            """
        #expect(try tools(block) == ["kubectl", "grep", "scp"])
    }

    @Test func aWrapperWithNothingAfterItIsWhatRuns() throws {
        let block = """
            ```sh
            env | grep -i ^path
            sudo -i
            time
            ```
            """
        #expect(try tools(block) == ["env", "grep"])
    }

    @Test func argumentsThatAreCommandsElsewhereAreNotTools() throws {
        let block = """
            ```sh
            kubectl exec -it web-1 -- rails c
            gds aws govuk-admin -- kubectl get pods
            ssh bastion 'sudo systemctl restart app'
            sh -c "grep x y | wc -l"
            echo "done" > /tmp/where 2>&1
            ```
            """
        let found = try tools(block)
        #expect(found == ["kubectl", "gds", "ssh", "sh"])
    }

    @Test func heredocsContinuationsAndComments() throws {
        let block = """
            ```bash
            cat <<EOF | kubectl apply -f -
            apiVersion: v1
            kind: ConfigMap
            EOF
            aws s3 cp a b \\
              --recursive \\
              | tee copy.log   # keep a log
            ```
            """
        let runbook = try RunbookLoader.parse("# T\n\n## Fix\n\n" + block, file: "rb.md")
        let found = runbook.steps.flatMap(\.tools)
        #expect(found.map(\.name) == ["cat", "kubectl", "aws", "tee"])
        #expect(found.map(\.location.line) == [6, 6, 10, 12])
    }

    @Test func indentedBlocksAreReadLikeUnlabelledFences() throws {
        let runbook = try RunbookLoader.parse("# T\n\n## Fix\n\nRestart it:\n\n    kubectl rollout restart deploy/web\n    NAME   READY\n", file: "rb.md")
        let tool = try #require(runbook.steps.first?.tools.first)
        #expect(runbook.steps.flatMap(\.tools).map(\.name) == ["kubectl"])
        #expect(tool.location.line == 7)
    }

    @Test func aBlockLabelledOnlyAsCommandsIsReadByItsLines() throws {
        let block = "```cmd\nssh ops@bastion.example\n```\n\n```cmd\n psql> paste your query here;\n```\n\n```cmd\n:wq!\n```\n\n"
            + "```cli\nvi DTSPO-2766-get-case-data.sql\n```"
        #expect(try tools(block) == ["ssh", "vi"])
    }

    @Test func aFenceInsideAnIndentedBlockKeepsItsLanguage() throws {
        let markdown = """
            # T

            ## Fix

            === "Linux"

                ```bash
                sudo systemctl restart api
                ```

            === "Config"

                ```yaml
                replicas: 3
                command: restart
                ```

            !!! note

                ~~~
                nomad job status api
                ~~~
            """
        let runbook = try RunbookLoader.parse(markdown, file: "rb.md")
        let found = runbook.steps.flatMap(\.tools)
        #expect(found.map(\.name) == ["systemctl", "nomad"])
        #expect(found.map(\.location.line) == [8, 21])
    }

    @Test func toolsWrittenAsPaths() throws {
        let block = "```\n./scripts/failover.sh --region eu\nbin/rails db:migrate\n```"
        #expect(try tools(block) == ["./scripts/failover.sh", "bin/rails"])
    }

    @Test func placeholdersAreWordsNotRedirections() throws {
        let block = "```shell\n$ NODE_NAME=<instance label from alert>\n$ kubectl -n <namespace> debug node/$NODE_NAME\n```"
        #expect(try tools(block) == ["kubectl"])
    }

    @Test(arguments: ["\r\n", "\r"])
    func lineEndingsDoNotChangeWhatIsRead(_ ending: String) throws {
        let text = ["# T", "", "## Fix", "", "```console", "$ kubectl get pods", "NAME   READY", "$ helm list", "```", ""]
        let runbook = try RunbookLoader.parse(text.joined(separator: ending), file: "rb.md")
        let found = runbook.steps.flatMap(\.tools)
        #expect(found.map(\.name) == ["kubectl", "helm"])
        #expect(found.map(\.location.line) == [6, 8])
    }

    @Test func inlineCodeStillNeedsAKnownTool() throws {
        #expect(try tools("Run `kubectl get pods`, then `make deploy` and `$ helm list`.\n") == ["kubectl", "helm"])
    }
}
